namespace FluentRequests;

/// <summary>
/// Requests' <c>rebuild_proxies</c> for the <c>Proxy-Authorization</c> header: it is only ever derived from the
/// proxy configured for the URL being sent, so a proxy credential never reaches an origin server or another proxy.
/// </summary>
internal static class ProxyAuthorization
{
    public const string HeaderName = "Proxy-Authorization";

    /// <summary>
    /// Basic credentials for <paramref name="proxy"/> (the proxy chosen for <paramref name="target"/>), when its URL
    /// holds a user and a password; <c>null</c> otherwise. Only a plain-http request through an http(s) proxy carries
    /// the header: an https target is tunnelled to the origin, which would see it, so the handler sends the
    /// credentials on the CONNECT instead; a SOCKS proxy authenticates in its own handshake.
    /// </summary>
    public static string? For(string? proxy, Uri target)
    {
        if (!IsReadByProxy(proxy, target)) return null;
        return ProxyUrl.Credentials(new Uri(proxy)) is { } credentials ? BasicAuth.Encode(credentials.UserName, credentials.Password) : null;
    }

    /// <summary>
    /// Whether the request's headers are read by <paramref name="proxy"/>: only a plain-http request, sent in absolute
    /// form to an http(s) proxy. Through a tunnel (CONNECT for https, or SOCKS) or with no proxy they reach the origin
    /// server, so a <c>Proxy-Authorization</c> header, hand-set or not, is not sent there.
    /// </summary>
    public static bool IsReadByProxy([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? proxy, Uri target)
        => proxy is not null && target.Scheme == Uri.UriSchemeHttp
           && (proxy.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || proxy.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Drops whatever <c>Proxy-Authorization</c> the request carries and sets the one its proxy gives.</summary>
    public static void Rebuild(PreparedRequest request, SendOptions options)
    {
        request.Headers.Remove(HeaderName);
        if (For(options.ProxyFor(request.Uri), request.Uri) is { } header) request.Headers.SetUnchecked(HeaderName, header);
    }
}
