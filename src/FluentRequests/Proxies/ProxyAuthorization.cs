namespace FluentRequests;

/// <summary>
/// Requests' <c>rebuild_proxies</c> for the <c>Proxy-Authorization</c> header: it is only ever derived from the
/// proxy configured for the URL being sent, so a proxy credential never reaches an origin server or another proxy.
/// </summary>
internal static class ProxyAuthorization
{
    public const string HeaderName = "Proxy-Authorization";

    /// <summary>
    /// Basic credentials for the proxy that <paramref name="proxies"/> select for <paramref name="target"/>, when
    /// its URL holds a user and a password; <c>null</c> otherwise. For an https target the request travels in a
    /// tunnel to the origin, so the header would leak there: none is built (as Requests).
    /// </summary>
    public static string? For(IDictionary<string, string>? proxies, Uri target)
    {
        if (target.Scheme == Uri.UriSchemeHttps) return null;
        string? proxy = ProxySelector.Select(proxies, target);
        if (proxy is null) return null;
        string userInfo = new Uri(proxy).UserInfo;
        int colon = userInfo.IndexOf(':');
        if (colon <= 0 || colon == userInfo.Length - 1) return null;
        string user = Uri.UnescapeDataString(userInfo[..colon]);
        string password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return BasicAuth.Encode(user, password);
    }

    /// <summary>Drops whatever <c>Proxy-Authorization</c> the request carries and sets the one its proxy configuration gives.</summary>
    public static void Rebuild(PreparedRequest request, IDictionary<string, string>? proxies)
    {
        request.Headers.Remove(HeaderName);
        if (For(proxies, request.Uri) is { } header) request.Headers.SetUnchecked(HeaderName, header);
    }
}
