namespace FluentRequests;

/// <summary>
/// The proxies the environment asks for, as Python's <c>getproxies_environment</c> reads them: <c>http_proxy</c>,
/// <c>https_proxy</c>, <c>all_proxy</c> and <c>no_proxy</c>, each lowercase before uppercase (a lowercase variable set
/// to an empty value turns the proxy off). Read at every call, parsed only when a value changed.
/// </summary>
internal sealed class EnvironmentProxies
{
    // The last values read and what they parsed to: the process environment rarely changes, so one entry is enough.
    private static volatile Snapshot? _last;

    private sealed record Snapshot(Variables Values, EnvironmentProxies? Proxies);

    /// <summary>The raw values, in a value type so that reading them allocates nothing.</summary>
    private readonly record struct Variables(
        string? HttpLower, string? HttpUpper, string? HttpsLower, string? HttpsUpper, string? AllLower, string? AllUpper,
        string? NoProxyLower, string? NoProxyUpper, string? RequestMethod);

    private readonly (string Url, string Variable)? _http;
    private readonly (string Url, string Variable)? _https;
    private readonly (string Url, string Variable)? _all;
    private readonly string? _noProxy;
    private readonly NoProxyList _bypass;

    private EnvironmentProxies((string, string)? http, (string, string)? https, (string, string)? all, string? noProxy)
    {
        _http = http;
        _https = https;
        _all = all;
        _noProxy = noProxy;
        _bypass = NoProxyList.Parse(noProxy);
    }

    /// <summary>The proxies <paramref name="environment"/> gives, or <c>null</c> when it names none.</summary>
    public static EnvironmentProxies? Read(EnvironmentSource environment)
    {
        string? httpLower = environment.Get("http_proxy"), httpUpper = environment.Get("HTTP_PROXY");
        string? httpsLower = environment.Get("https_proxy"), httpsUpper = environment.Get("HTTPS_PROXY");
        string? allLower = environment.Get("all_proxy"), allUpper = environment.Get("ALL_PROXY");
        if (httpLower is null && httpUpper is null && httpsLower is null && httpsUpper is null && allLower is null && allUpper is null) return null;
        var values = new Variables(httpLower, httpUpper, httpsLower, httpsUpper, allLower, allUpper,
            environment.Get("no_proxy"), environment.Get("NO_PROXY"), environment.Get("REQUEST_METHOD"));
        var last = _last;
        if (last is not null && last.Values == values) return last.Proxies;
        var proxies = Parse(values);
        _last = new Snapshot(values, proxies);
        return proxies;
    }

    private static EnvironmentProxies? Parse(Variables v)
    {
        // httpoxy (CVE-2016-1000110): in a CGI script HTTP_PROXY may come from a request's Proxy header.
        var http = Pick(v.HttpLower, v.RequestMethod is null ? v.HttpUpper : null, "http_proxy", "HTTP_PROXY");
        var https = Pick(v.HttpsLower, v.HttpsUpper, "https_proxy", "HTTPS_PROXY");
        var all = Pick(v.AllLower, v.AllUpper, "all_proxy", "ALL_PROXY");
        string? noProxy = string.IsNullOrEmpty(v.NoProxyLower) ? v.NoProxyUpper : v.NoProxyLower;
        return http is null && https is null && all is null ? null : new EnvironmentProxies(http, https, all, noProxy);
    }

    private static (string, string)? Pick(string? lower, string? upper, string lowerName, string upperName)
    {
        if (lower is not null) return ProxySelector.IsDirect(lower) ? null : (lower, lowerName);
        return ProxySelector.IsDirect(upper) ? null : (upper!, upperName);
    }

    /// <summary>
    /// The environment's proxy for <paramref name="url"/>, normalised, or <c>null</c> to go direct (no variable for
    /// its scheme, or the host is in the no-proxy list). <paramref name="noProxy"/>, when given, replaces
    /// <c>NO_PROXY</c> (Requests' <c>proxies["no_proxy"]</c>).
    /// </summary>
    public string? For(Uri url, string? noProxy)
    {
        var chosen = url.Scheme switch
        {
            "http" => _http ?? _all,
            "https" => _https ?? _all,
            _ => _all,
        };
        if (chosen is not { } proxy) return null;
        var bypass = noProxy is null || noProxy == _noProxy ? _bypass : NoProxyList.Parse(noProxy);
        if (bypass.Bypasses(url)) return null;
        return ProxyUrl.Normalize(proxy.Url, proxy.Variable);
    }
}
