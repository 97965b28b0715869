using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>More settings for one named session; returned by <see cref="FluentRequestsBuilder.AddSession"/>.</summary>
public sealed class SessionBuilder
{
    internal SessionBuilder(string name, IServiceCollection services)
    {
        Name = name;
        Services = services;
    }

    /// <summary>The session's name.</summary>
    public string Name { get; }

    /// <summary>The service collection the session is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds code that sets the session up, run after the configuration is applied (so code wins), in order.</summary>
    /// <param name="configure">Called once, when the session is first asked for.</param>
    /// <returns>This builder.</returns>
    public SessionBuilder Configure(Action<IServiceProvider, Session> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<SessionRegistration>(Name, registration => registration.Configure.Add(configure));
        return this;
    }

    /// <summary>Registers <typeparamref name="TClient"/> as a transient typed client whose <see cref="Session"/> parameter is this session.</summary>
    /// <typeparam name="TClient">A class with a constructor that takes a <see cref="Session"/>.</typeparam>
    /// <returns>This builder.</returns>
    public SessionBuilder AddTypedClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>()
        where TClient : class
    {
        var factory = ActivatorUtilities.CreateFactory(typeof(TClient), [typeof(Session)]);
        string name = Name;
        Services.AddTransient(sp => (TClient)factory(sp, [sp.GetRequiredService<ISessionFactory>().Get(name)]));
        return this;
    }

    /// <summary>
    /// Sends this session's requests through the handler pipeline <c>IHttpClientFactory</c> builds for its name, so that
    /// handlers added with <c>AddHttpMessageHandler</c> (and resilience handlers) run on every physical request, redirect
    /// hops and retries included. The primary handler is a <see cref="SocketsHttpHandler"/> set as the session's own:
    /// no automatic redirects, no cookie container, no automatic decompression. <c>Verify</c>, <c>Cert</c>,
    /// <c>Proxies</c> and <c>MaxResponseHeadersBytes</c> cannot apply through it: setting them fails at startup, naming the key.
    /// </summary>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the name, to add handlers to.</returns>
    public IHttpClientBuilder UseHttpClientFactory()
    {
        Services.Configure<SessionRegistration>(Name, registration => registration.UsesHttpClientFactory = true);
        return Services.AddHttpClient(Name).ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);
    }

    internal static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        // The session follows redirects (so each hop goes through the pipeline), keeps its cookies and decodes bodies.
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        UseProxy = false,
        // Trace context is the session's to write, one span per hop.
        ActivityHeadersPropagator = HopPropagator.Instance,
    };
}
