namespace FluentRequests;

/// <summary>
/// The per-call settings after merging request arguments over session settings. Made only by
/// <see cref="Session.MergeOptions"/>, so every default is the session's: nothing here has one of its own.
/// </summary>
internal sealed class SendOptions
{
    public required RequestTimeout Timeout { get; init; }
    public required bool AllowRedirects { get; init; }
    public required int MaxRedirects { get; init; }
    public required bool AllowHttpsToHttpRedirects { get; init; }
    public required IDictionary<string, string>? Proxies { get; init; }

    /// <summary>
    /// The environment's proxies for the first URL's scheme, read at the start of the call (a hop to the other scheme
    /// reads its own); <c>null</c> when TrustEnv is off or the session is over a caller's handler.
    /// </summary>
    public required EnvironmentProxies? EnvironmentProxies { get; init; }

    /// <summary>The request's or the session's <c>verify</c>; <c>null</c> when neither set one (then the environment may).</summary>
    public required Verify? Verify { get; init; }
    public required ClientCert? Cert { get; init; }

    /// <summary>Where environment settings are read; <c>null</c> when <see cref="Session.TrustEnv"/> is off.</summary>
    public required EnvironmentSource? Environment { get; init; }
    public required bool Stream { get; init; }
    public required RetryPolicy? Retry { get; init; }
    public required Hooks? SessionHooks { get; init; }
    public required CookieJar? SessionCookies { get; init; }

    /// <summary>The .netrc a redirect to another host consults, or <c>null</c> when the environment is not trusted.</summary>
    public required NetrcSource? Netrc { get; init; }
    public required long? MaxResponseBytes { get; init; }
    public required double? MaxDecompressionRatio { get; init; }
    public required int MaxResponseHeadersBytes { get; init; }
    public required bool PropagateTraceContext { get; init; }

    /// <summary>The HTTP version asked for: the call's, else the session's.</summary>
    public required Version HttpVersion { get; init; }
    public required HttpVersionPolicy HttpVersionPolicy { get; init; }

    /// <summary>The caller's handler the session was built over, or <c>null</c> for our pooled transports.</summary>
    public required Transport? CallerTransport { get; init; }

    /// <summary>
    /// The transport for <paramref name="request"/>. TLS settings count only when TLS is spoken (an https target or
    /// an https proxy), so a bad CA bundle or client certificate path never fails a plain-http request. CA bundle
    /// and client certificate files are loaded here (once per path) so a missing file fails with the request named.
    /// </summary>
    public TransportKey TransportFor(PreparedRequest request)
    {
        string? proxy = ProxyFor(request.Uri);
        bool tls = request.Uri.Scheme == Uri.UriSchemeHttps || (proxy is not null && proxy.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        bool defaultHeaderLimit = MaxResponseHeadersBytes == ResponseLimits.MaxResponseHeadersBytes;
        bool http2 = HttpVersion.Major >= 2;
        if (!tls)
        {
            return proxy is null && defaultHeaderLimit && !http2 ? TransportKey.Default
                : new TransportKey(FluentRequests.Verify.System, null, proxy, http2) { MaxResponseHeadersBytes = MaxResponseHeadersBytes };
        }

        var verify = Verify ?? (Environment is { } environment ? EnvironmentCaBundle.Read(environment) : null) ?? FluentRequests.Verify.System;
        if (verify.CaBundlePath is { } bundle) CaBundle.Load(bundle, request);
        if (Cert is { } cert) ClientCertLoader.Load(cert, request);
        if (proxy is null && Cert is null && ReferenceEquals(verify, FluentRequests.Verify.System) && defaultHeaderLimit && !http2) return TransportKey.Default;
        return new TransportKey(verify, Cert, proxy, http2) { MaxResponseHeadersBytes = MaxResponseHeadersBytes };
    }

    /// <summary>
    /// The proxy for <paramref name="url"/>, or <c>null</c> to go direct: the explicit proxies when one of their keys
    /// applies (an empty or <c>"no"</c> value meaning direct), otherwise the environment's, unless NO_PROXY (or an
    /// explicit <c>no_proxy</c> key) exempts the host. Explicit beats environment, unlike Requests (psf/requests#2018).
    /// </summary>
    public string? ProxyFor(Uri url)
    {
        if (ProxySelector.TryMatch(Proxies, url, out var proxy)) return proxy;
        if (EnvironmentProxies is not { } fromEnvironment) return null;
        if (!fromEnvironment.Covers(url)) fromEnvironment = EnvironmentProxies.Read(Environment!, url);
        if (!fromEnvironment.NamesAProxy) return null;
        string? noProxy = Proxies is not null && Proxies.TryGetValue("no_proxy", out var explicitNoProxy) ? explicitNoProxy ?? "" : null;
        return fromEnvironment.For(url, noProxy);
    }
}
