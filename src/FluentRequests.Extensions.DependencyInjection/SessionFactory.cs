using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>
/// One session per name for the container's life, built on first use: configuration first, then code (which wins),
/// then the logging observer. Disposed with the container, and the sessions with it.
/// </summary>
internal sealed class SessionFactory(
    IServiceProvider services,
    IOptionsMonitor<SessionRegistration> registrations,
    IOptionsMonitor<SessionSettings> settings,
    ILoggerFactory loggerFactory) : ISessionFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Session>> _sessions = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    public Session Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var session = _sessions.GetOrAdd(name, static (n, self) => new Lazy<Session>(() => self.Create(n)), this).Value;
        // Disposal raced with creation: the new session is disposed too, so no caller keeps a live one.
        if (_disposed) session.Dispose();
        ObjectDisposedException.ThrowIf(_disposed, this);
        return session;
    }

    private Session Create(string name)
    {
        var registration = registrations.Get(name);
        if (!registration.Registered)
        {
            throw new ArgumentException(
                $"No FluentRequests session named '{name}' is registered: call services.AddFluentRequests().AddSession(\"{name}\").", nameof(name));
        }
        var values = settings.Get(name); // validated: throws OptionsValidationException naming the keys
        var session = registration.UsesHttpClientFactory
            ? new Session(services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name), disposeHandler: false)
            : new Session();
        try
        {
            values.ApplyTo(session);
            foreach (var configure in registration.Configure) configure(services, session);
            session.CallObserver = new SessionLogObserver(loggerFactory.CreateLogger(SessionLogObserver.CategoryPrefix + name));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var entry in _sessions.Values)
        {
            if (entry.IsValueCreated) entry.Value.Dispose();
        }
    }
}
