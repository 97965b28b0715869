using System.Net;

namespace FluentRequests;

// How a session's settings and a request's arguments combine (Requests' merge_setting): params, headers and
// proxies merge by name, the request's value winning and a null one removing the session's; cookies given with
// the call go in a jar of their own; every other setting is the request's if given, else the session's.
public sealed partial class Session
{
    /// <summary>Requests' <c>merge_setting</c> for params: session pairs, request values replacing them in place by name, <c>null</c> removing.</summary>
    private string? MergeParams(object? requestParams)
    {
        if (requestParams is string or byte[]) return UrlPreparer.EncodeParams(requestParams);
        if (_params is not { Count: > 0 } sessionParams) return UrlPreparer.EncodeParams(requestParams);

        var merged = new List<KeyValuePair<string, object?>>(sessionParams);
        if (requestParams is not null)
        {
            if (!Pairs.IsMappingLike(requestParams)) throw Pairs.Unsupported(requestParams, "params");
            foreach (var group in Pairs.Enumerate(requestParams, "params").GroupBy(p => p.Key))
            {
                var values = group.Select(p => p.Value).Where(v => v is not null).ToList();
                int at = merged.FindIndex(p => p.Key == group.Key);
                object? value = values.Count switch { 0 => null, 1 => values[0], _ => values };
                if (at >= 0) merged[at] = new(group.Key, value);
                else merged.Add(new(group.Key, value));
            }
        }
        return UrlPreparer.EncodePairs(Pairs.Flatten(merged, "params"));
    }

    private HeaderCollection MergeHeaders(object? requestHeaders)
    {
        // A copy on write: it costs an array only when this call adds or changes a header.
        var headers = Headers.Copy();
        if (requestHeaders is null) return headers;
        if (!Pairs.IsMappingLike(requestHeaders)) throw Pairs.Unsupported(requestHeaders, "headers");
        foreach (var (name, value) in Pairs.Enumerate(requestHeaders, "headers", memberNameDashes: true))
        {
            headers[name] = value is null ? null : Pairs.Format(value);
        }
        return headers;
    }

    /// <summary>
    /// The call's own cookies. Those without a domain belong to the host of <paramref name="uri"/>, the request
    /// they were given with: a redirect to another host does not carry them (Requests would).
    /// </summary>
    private static CookieJar? ToJar(object? cookies, Uri uri)
    {
        var jar = ToJar(cookies);
        if (jar is not null) jar.HostlessCookiesHost = uri.Host;
        return jar;
    }

    private static CookieJar? ToJar(object? cookies)
    {
        switch (cookies)
        {
            case null:
                return null;
            case CookieJar jar:
                return jar.Copy();
            case CookieContainer container:
                return CookieJar.From(container);
            case CookieCollection collection:
                var fromCollection = new CookieJar();
                foreach (Cookie c in collection) fromCollection.Add(new Cookie(c.Name, c.Value, c.Path, c.Domain));
                return fromCollection;
        }
        if (!Pairs.IsMappingLike(cookies)) throw Pairs.Unsupported(cookies, "cookies");
        var result = new CookieJar();
        foreach (var (name, value) in Pairs.Enumerate(cookies, "cookies"))
        {
            if (value is null) continue;
            string text = Pairs.Format(value);
            CookieSyntax.Validate(name, text, "cookies", "cookies");
            result.Set(name, text);
        }
        return result;
    }

    /// <summary>
    /// The options of the last call that used the session's settings alone: reused (one object fewer per call) for as long
    /// as every value it holds is still the session's current one, so a setting changed between calls takes effect on the next.
    /// </summary>
    private SendOptions? _sessionOptions;

    /// <summary>The call's settings: its arguments over the session's, and the environment's proxies for its URL.</summary>
    /// <param name="args">The call's arguments.</param>
    /// <param name="allowRedirectsDefault">Whether redirects are followed unless the call says otherwise (not for HEAD).</param>
    /// <param name="url">The call's first URL: the environment's proxies are read for its scheme.</param>
    internal SendOptions MergeOptions(RequestArgs args, bool allowRedirectsDefault, Uri url)
    {
        RejectTransportSettings(args);
        bool sessionSettingsOnly = args.Timeout is null && args.TotalTimeout is null && args.AllowRedirects is null && args.MaxRedirects is null
            && args.Proxies is null && args.Verify is null && args.Cert is null && args.Stream is null && args.Retry is null && args.HttpVersion is null;
        // Read per call: a changed environment (proxies) is seen by the next call.
        var environmentProxies = TrustEnv && _callerTransport is null ? EnvironmentProxies.Read(EnvironmentSource, url) : null;
        if (sessionSettingsOnly && _sessionOptions is { } last && IsCurrent(last, allowRedirectsDefault, environmentProxies)) return last;

        IDictionary<string, string>? proxies = _proxies is not { Count: > 0 } sessionProxies ? args.Proxies
            : args.Proxies is null ? sessionProxies : Merge(sessionProxies, args.Proxies);
        var options = new SendOptions
        {
            Timeout = WithTotal(args.Timeout ?? Timeout ?? RequestTimeout.Default, args.TotalTimeout),
            AllowRedirects = args.AllowRedirects ?? allowRedirectsDefault,
            MaxRedirects = args.MaxRedirects is { } max ? ValidMaxRedirects(max) : MaxRedirects,
            AllowHttpsToHttpRedirects = AllowHttpsToHttpRedirects,
            Proxies = proxies,
            EnvironmentProxies = environmentProxies,
            Verify = args.Verify ?? _verify,
            Environment = TrustEnv ? EnvironmentSource : null,
            Cert = args.Cert ?? Cert,
            Stream = args.Stream ?? Stream,
            Retry = (args.Retry ?? Retry) is { IsNone: false } retry ? retry : null,
            SessionHooks = SessionHooks,
            SessionCookies = KeepsNoCookies ? null : Cookies,
            Netrc = TrustedNetrc,
            MaxResponseBytes = MaxResponseBytes,
            MaxDecompressionRatio = MaxDecompressionRatio,
            MaxResponseHeadersBytes = MaxResponseHeadersBytes,
            PropagateTraceContext = PropagateTraceContext,
            HttpVersion = args.HttpVersion is { } version ? HttpVersions.Valid(version, "httpVersion") : _httpVersion,
            HttpVersionPolicy = _httpVersionPolicy,
            CallerTransport = _callerTransport,
        };
        if (sessionSettingsOnly) _sessionOptions = options;
        return options;
    }

    private Hooks? SessionHooks => _hooks is { OnResponse.Count: > 0 } hooks ? hooks : null;

    /// <summary>Whether <paramref name="options"/> (made from the session's settings alone) still holds every current one.</summary>
    private bool IsCurrent(SendOptions options, bool allowRedirectsDefault, EnvironmentProxies? environmentProxies)
        => options.AllowRedirects == allowRedirectsDefault
           && ReferenceEquals(options.EnvironmentProxies, environmentProxies)
           && ReferenceEquals(options.Timeout, Timeout ?? RequestTimeout.Default)
           && options.MaxRedirects == MaxRedirects
           && options.AllowHttpsToHttpRedirects == AllowHttpsToHttpRedirects
           && ReferenceEquals(options.Proxies, _proxies is { Count: > 0 } ? _proxies : null)
           && ReferenceEquals(options.Verify, _verify)
           && ReferenceEquals(options.Environment, TrustEnv ? EnvironmentSource : null)
           && ReferenceEquals(options.Cert, Cert)
           && options.Stream == Stream
           && ReferenceEquals(options.Retry, Retry is { IsNone: false } ? Retry : null)
           && ReferenceEquals(options.SessionHooks, SessionHooks)
           && ReferenceEquals(options.SessionCookies, KeepsNoCookies ? null : Cookies)
           && ReferenceEquals(options.Netrc, TrustedNetrc)
           && options.MaxResponseBytes == MaxResponseBytes
           && options.MaxDecompressionRatio == MaxDecompressionRatio
           && options.MaxResponseHeadersBytes == MaxResponseHeadersBytes
           && options.PropagateTraceContext == PropagateTraceContext
           && ReferenceEquals(options.HttpVersion, _httpVersion)
           && options.HttpVersionPolicy == _httpVersionPolicy
           && ReferenceEquals(options.CallerTransport, _callerTransport);

    private static RequestTimeout WithTotal(RequestTimeout timeout, TimeSpan? total)
        => total is null || total == timeout.Total ? timeout : timeout.WithTotal(total);

    private static int ValidMaxRedirects(int maxRedirects)
        => maxRedirects >= 0 ? maxRedirects : throw new ArgumentException($"maxRedirects must not be negative; got {maxRedirects}.", nameof(maxRedirects));

    private static Dictionary<string, string> Merge(IDictionary<string, string> session, IDictionary<string, string> request)
    {
        var merged = new Dictionary<string, string>(session, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in request) merged[k] = v;
        return merged;
    }
}
