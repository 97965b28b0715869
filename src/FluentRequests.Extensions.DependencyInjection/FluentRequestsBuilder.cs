using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>Registers named and typed sessions; returned by <c>services.AddFluentRequests()</c>.</summary>
public sealed class FluentRequestsBuilder
{
    internal FluentRequestsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the sessions are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers the session <paramref name="name"/>: one <see cref="Session"/> for the container's life, built from
    /// <c>FluentRequests:Sessions:{name}</c> of the configuration, then <paramref name="configure"/> (code wins).
    /// Registering a name again adds to its configuration.
    /// </summary>
    /// <param name="name">The session's name, e.g. <c>"github"</c>: its configuration section and its log category.</param>
    /// <param name="configure">Sets the session up once, when it is first asked for; <c>null</c> for configuration only.</param>
    /// <returns>A builder for more of this session's settings.</returns>
    public SessionBuilder AddSession(string name, Action<IServiceProvider, Session>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var builder = new SessionBuilder(name, Services);
        Services.Configure<SessionRegistration>(name, registration => registration.Registered = true);
        Services.AddOptions<SessionSettings>(name).ValidateOnStart();
        // A named session is also a keyed service: [FromKeyedServices("github")] Session session.
        if (!Services.Any(d => d.IsKeyedService && d.ServiceType == typeof(Session) && Equals(d.ServiceKey, name)))
        {
            Services.AddKeyedSingleton(name, static (sp, key) => sp.GetRequiredService<ISessionFactory>().Get((string)key!));
        }
        return configure is null ? builder : builder.Configure(configure);
    }

    /// <summary>
    /// Registers the typed client <typeparamref name="TClient"/>, as <c>AddHttpClient&lt;TClient&gt;</c> does: a transient
    /// service whose constructor gets the session <paramref name="name"/> (by default the type's name) as its
    /// <see cref="Session"/> parameter, and its other parameters from the container.
    /// </summary>
    /// <typeparam name="TClient">A class with a constructor that takes a <see cref="Session"/>.</typeparam>
    /// <param name="name">The session's name; <c>null</c> for <c>typeof(TClient).Name</c>.</param>
    /// <param name="configure">Sets the session up once; <c>null</c> for configuration only.</param>
    /// <returns>A builder for more of this session's settings.</returns>
    public SessionBuilder AddSession<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        string? name = null, Action<IServiceProvider, Session>? configure = null)
        where TClient : class
        => AddSession(name ?? typeof(TClient).Name, configure).AddTypedClient<TClient>();
}
