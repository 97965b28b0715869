using System.Text.Json;

namespace FluentRequests;

/// <summary>The per-call settings after merging request arguments over session settings.</summary>
internal sealed class SendOptions
{
    public RequestTimeout Timeout { get; init; } = RequestTimeout.Default;
    public bool AllowRedirects { get; init; } = true;
    public int MaxRedirects { get; init; } = 30;
    public bool AllowHttpsToHttpRedirects { get; init; } = true;
    public IDictionary<string, string>? Proxies { get; init; }
    /// <summary>The environment's proxies, read at the start of the call; <c>null</c> when TrustEnv is off or it names none.</summary>
    public EnvironmentProxies? EnvironmentProxies { get; init; }
    public Verify Verify { get; init; } = Verify.System;
    public ClientCert? Cert { get; init; }
    public bool Stream { get; init; }
    public RetryPolicy? Retry { get; init; }
    public Hooks? SessionHooks { get; init; }
    public CookieJar? SessionCookies { get; init; }
    public JsonSerializerOptions? JsonOptions { get; init; }

    public TransportKey TransportFor(PreparedRequest request)
    {
        string? proxy = ProxyFor(request.Uri);
        if (proxy is null && Cert is null && ReferenceEquals(Verify, FluentRequests.Verify.System)) return TransportKey.Default;
        return new TransportKey(Verify, Cert, proxy, Http2: false);
    }

    /// <summary>
    /// The proxy for <paramref name="url"/>, or <c>null</c> to go direct: the explicit proxies when one of their keys
    /// applies (an empty or <c>"no"</c> value meaning direct), otherwise the environment's, unless NO_PROXY (or an
    /// explicit <c>no_proxy</c> key) exempts the host. Explicit beats environment, unlike Requests (psf/requests#2018).
    /// </summary>
    public string? ProxyFor(Uri url)
    {
        if (ProxySelector.TryMatch(Proxies, url, out var proxy)) return proxy;
        if (EnvironmentProxies is null) return null;
        string? noProxy = Proxies is not null && Proxies.TryGetValue("no_proxy", out var explicitNoProxy) ? explicitNoProxy ?? "" : null;
        return EnvironmentProxies.For(url, noProxy);
    }
}
