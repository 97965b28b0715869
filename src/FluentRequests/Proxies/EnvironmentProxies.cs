namespace FluentRequests;

/// <summary>
/// The proxies the environment asks for, for one kind of URL (http, https, anything else), as Requests'
/// <c>resolve_proxies</c> uses Python's <c>getproxies_environment</c>: the scheme's variable (<c>http_proxy</c> or
/// <c>https_proxy</c>), else <c>all_proxy</c>, unless <c>no_proxy</c> exempts the host; each lowercase before
/// uppercase (a lowercase variable set to an empty value turns the proxy off). Read at every call, and again for a
/// redirect to the other scheme; only the variables that can apply are read (each look-up takes the runtime's
/// environment lock), and they are parsed only when a value changed.
/// </summary>
internal sealed class EnvironmentProxies
{
    private enum Kind { Http, Https, Other }

    // The last values read for each kind and what they parsed to: the process environment rarely changes, so one entry
    // per kind is enough, and an unchanged environment gives the same object (Session.IsCurrent compares references).
    private static readonly Snapshot?[] LastRead = new Snapshot?[3];
    private static readonly EnvironmentProxies[] NoneFor = [new(Kind.Http, null, null), new(Kind.Https, null, null), new(Kind.Other, null, null)];

    private sealed record Snapshot(Variables Values, EnvironmentProxies Proxies);

    /// <summary>The raw values, in a value type so that reading them allocates nothing.</summary>
    private readonly record struct Variables(
        string? SchemeLower, string? SchemeUpper, string? AllLower, string? AllUpper,
        string? NoProxyLower, string? NoProxyUpper, string? RequestMethod);

    private readonly Kind _kind;
    private readonly (string Url, string Variable)? _proxy;
    private readonly string? _noProxy;
    private readonly NoProxyList _bypass;

    private EnvironmentProxies(Kind kind, (string, string)? proxy, string? noProxy)
    {
        _kind = kind;
        _proxy = proxy;
        _noProxy = noProxy;
        _bypass = NoProxyList.Parse(noProxy);
    }

    /// <summary>Whether the environment names a proxy for this kind of URL (before <c>no_proxy</c> is applied).</summary>
    public bool NamesAProxy => _proxy is not null;

    /// <summary>Whether these are the proxies for <paramref name="url"/>'s kind (http, https, other), so <see cref="For"/> applies.</summary>
    public bool Covers(Uri url) => KindOf(url.Scheme) == _kind;

    /// <summary>
    /// The proxies <paramref name="environment"/> gives for URLs of <paramref name="url"/>'s scheme. Never <c>null</c>:
    /// when it names none the result says so (<see cref="NamesAProxy"/>), and is the same object every time.
    /// </summary>
    public static EnvironmentProxies Read(EnvironmentSource environment, Uri url)
    {
        var kind = KindOf(url.Scheme);
        string? schemeLower = null, schemeUpper = null;
        if (kind == Kind.Http) (schemeLower, schemeUpper) = (environment.Get("http_proxy"), environment.Get("HTTP_PROXY"));
        else if (kind == Kind.Https) (schemeLower, schemeUpper) = (environment.Get("https_proxy"), environment.Get("HTTPS_PROXY"));
        string? allLower = environment.Get("all_proxy"), allUpper = environment.Get("ALL_PROXY");
        if (schemeLower is null && schemeUpper is null && allLower is null && allUpper is null) return NoneFor[(int)kind];
        var values = new Variables(schemeLower, schemeUpper, allLower, allUpper,
            environment.Get("no_proxy"), environment.Get("NO_PROXY"), kind == Kind.Http ? environment.Get("REQUEST_METHOD") : null);
        var last = Volatile.Read(ref LastRead[(int)kind]);
        if (last is not null && last.Values == values) return last.Proxies;
        var proxies = Parse(kind, values);
        Volatile.Write(ref LastRead[(int)kind], new Snapshot(values, proxies));
        return proxies;
    }

    private static Kind KindOf(string scheme) => scheme switch
    {
        "http" => Kind.Http,
        "https" => Kind.Https,
        _ => Kind.Other,
    };

    private static EnvironmentProxies Parse(Kind kind, Variables v)
    {
        var scheme = kind switch
        {
            // httpoxy (CVE-2016-1000110): in a CGI script HTTP_PROXY may come from a request's Proxy header.
            Kind.Http => Pick(v.SchemeLower, v.RequestMethod is null ? v.SchemeUpper : null, "http_proxy", "HTTP_PROXY"),
            Kind.Https => Pick(v.SchemeLower, v.SchemeUpper, "https_proxy", "HTTPS_PROXY"),
            _ => null,
        };
        var proxy = scheme ?? Pick(v.AllLower, v.AllUpper, "all_proxy", "ALL_PROXY");
        if (proxy is null) return NoneFor[(int)kind];
        string? noProxy = string.IsNullOrEmpty(v.NoProxyLower) ? v.NoProxyUpper : v.NoProxyLower;
        return new EnvironmentProxies(kind, proxy, noProxy);
    }

    private static (string, string)? Pick(string? lower, string? upper, string lowerName, string upperName)
    {
        if (lower is not null) return ProxySelector.IsDirect(lower) ? null : (lower, lowerName);
        return ProxySelector.IsDirect(upper) ? null : (upper!, upperName);
    }

    /// <summary>
    /// The environment's proxy for <paramref name="url"/> (of the kind these were read for: <see cref="Covers"/>),
    /// normalised, or <c>null</c> to go direct (no variable for its scheme, or the host is in the no-proxy list).
    /// <paramref name="noProxy"/>, when given, replaces <c>NO_PROXY</c> (Requests' <c>proxies["no_proxy"]</c>).
    /// </summary>
    public string? For(Uri url, string? noProxy)
    {
        if (_proxy is not { } proxy) return null;
        var bypass = noProxy is null || noProxy == _noProxy ? _bypass : NoProxyList.Parse(noProxy);
        if (bypass.Bypasses(url)) return null;
        return ProxyUrl.Normalize(proxy.Url, proxy.Variable);
    }
}
