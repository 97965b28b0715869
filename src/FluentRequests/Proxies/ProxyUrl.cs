using System.Net;

namespace FluentRequests;

/// <summary>Proxy URLs: validation, the credentials in their user info, and the form safe to print.</summary>
internal static class ProxyUrl
{
    /// <summary>
    /// The proxy URL with <c>http://</c> prepended when it has no scheme (Requests' <c>prepend_scheme_if_needed</c>);
    /// <see cref="InvalidProxyUrlException"/> when it has no host or a scheme no proxy speaks.
    /// </summary>
    /// <param name="proxy">The URL as configured.</param>
    /// <param name="source">Where it came from (an environment variable), for the message; <c>null</c> for a proxies dictionary.</param>
    public static string Normalize(string proxy, string? source)
    {
        string trimmed = proxy.Trim();
        string candidate = HasScheme(trimmed) ? trimmed : "http://" + trimmed;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)
            || uri.Scheme is not ("http" or "https" or "socks4" or "socks4a" or "socks5" or "socks5h"))
        {
            string from = source is null ? "" : $" (from the environment variable {source})";
            throw new InvalidProxyUrlException(
                $"Please check proxy URL '{Redact(trimmed)}'{from}. It is malformed and could be missing the host; "
                + "schemes are http, https, socks4, socks4a, socks5 and socks5h.");
        }
        return candidate;
    }

    // "host:3128" and "user:pw@host" have no scheme; "http:/host:3128" has a mistyped one and must not become a host named http.
    private static bool HasScheme(string proxy)
        => proxy.Contains("://", StringComparison.Ordinal)
           || proxy.IndexOf(':') is > 0 and var colon
              && proxy[..colon].ToLowerInvariant() is "http" or "https" or "socks4" or "socks4a" or "socks5" or "socks5h";

    /// <summary>
    /// The user and password of a proxy URL, percent-decoded, as Requests' <c>get_auth_from_url</c> gives them to
    /// <c>proxy_headers</c>: a user and a password are both needed, an empty password counts (<c>user:</c>).
    /// </summary>
    public static NetworkCredential? Credentials(Uri proxy)
    {
        string userInfo = proxy.UserInfo;
        int colon = userInfo.IndexOf(':');
        if (colon <= 0) return null;
        return new NetworkCredential(Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    /// <summary>The proxy's address for the handler: no user info, and <c>socks5h</c> spelled as .NET knows it.</summary>
    public static Uri Address(Uri proxy)
    {
        // .NET's socks5 already sends the host name for the proxy to resolve, which is what socks5h asks for.
        string scheme = proxy.Scheme == "socks5h" ? "socks5" : proxy.Scheme;
        return new UriBuilder(proxy) { Scheme = scheme, UserName = "", Password = "", Path = "/" }.Uri;
    }

    /// <summary>The URL with any password replaced by <c>***</c>, for messages.</summary>
    public static string Redact(string proxy)
    {
        int schemeEnd = proxy.IndexOf("://", StringComparison.Ordinal);
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int at = proxy.LastIndexOf('@');
        if (at < start) return proxy;
        int colon = proxy.IndexOf(':', start);
        string user = colon >= 0 && colon < at ? proxy[start..colon] : proxy[start..at];
        return proxy[..start] + user + ":***" + proxy[at..];
    }
}
