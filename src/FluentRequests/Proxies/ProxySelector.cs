namespace FluentRequests;

/// <summary>Requests' <c>select_proxy</c>: the most specific of <c>scheme://host</c>, <c>scheme</c>, <c>all://host</c>, <c>all</c>.</summary>
internal static class ProxySelector
{
    /// <summary>The proxy URL for <paramref name="url"/>, normalised; <c>null</c> to go direct.</summary>
    public static string? Select(IDictionary<string, string>? proxies, Uri url)
        => TryMatch(proxies, url, out var proxy) ? proxy : null;

    /// <summary>
    /// Whether a key of <paramref name="proxies"/> applies to <paramref name="url"/>. The first matching key decides, as
    /// in Requests: its value is the proxy, or <c>null</c> (direct) when it is empty or <c>"no"</c>.
    /// </summary>
    public static bool TryMatch(IDictionary<string, string>? proxies, Uri url, out string? proxy)
    {
        proxy = null;
        if (proxies is null || proxies.Count == 0) return false;
        string scheme = url.Scheme;
        string host = url.Host;
        if (TryKey(proxies, scheme + "://" + host, ref proxy) || TryKey(proxies, scheme, ref proxy)
            || TryKey(proxies, "all://" + host, ref proxy) || TryKey(proxies, "all", ref proxy))
        {
            return true;
        }
        return false;
    }

    private static bool TryKey(IDictionary<string, string> proxies, string key, ref string? proxy)
    {
        if (!proxies.TryGetValue(key, out var value)) return false;
        proxy = IsDirect(value) ? null : ProxyUrl.Normalize(value, source: null);
        return true;
    }

    /// <summary>An empty value or <c>"no"</c> means "no proxy for this key".</summary>
    public static bool IsDirect(string? value)
        => string.IsNullOrWhiteSpace(value) || value.Trim().Equals("no", StringComparison.OrdinalIgnoreCase);
}
