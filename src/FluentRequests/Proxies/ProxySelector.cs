namespace FluentRequests;

/// <summary>Requests' <c>select_proxy</c>: the most specific of <c>scheme://host</c>, <c>scheme</c>, <c>all://host</c>, <c>all</c>.</summary>
internal static class ProxySelector
{
    public static string? Select(IDictionary<string, string>? proxies, Uri url)
    {
        if (proxies is null || proxies.Count == 0) return null;
        string scheme = url.Scheme;
        string host = url.Host;
        string?[] keys = [$"{scheme}://{host}", scheme, $"all://{host}", "all"];
        foreach (var key in keys)
        {
            if (key is not null && proxies.TryGetValue(key, out var proxy) && !string.IsNullOrEmpty(proxy)) return Validate(proxy);
        }
        return null;
    }

    private static string Validate(string proxy)
    {
        string candidate = proxy.Contains("://", StringComparison.Ordinal) ? proxy : "http://" + proxy;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)
            || uri.Scheme is not ("http" or "https" or "socks4" or "socks4a" or "socks5" or "socks5h"))
        {
            throw new InvalidProxyUrlException($"Please check proxy URL '{proxy}'. It is malformed and could be missing the host.");
        }
        return candidate;
    }
}
