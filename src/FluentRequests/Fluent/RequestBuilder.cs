namespace FluentRequests;

/// <summary>
/// An immutable request description: every <c>With…</c> returns a new builder, so a configured builder can be
/// kept and sent from many threads. Start one with <see cref="Session.Url"/> or <see cref="Requests.Url"/>;
/// finish with a sender such as <see cref="Get"/> or <see cref="PostJson"/>.
/// </summary>
public sealed partial class RequestBuilder
{
    private readonly Session? _session;
    private readonly State _state;

    internal RequestBuilder(Session? session, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _session = session;
        _state = new State(url);
    }

    private RequestBuilder(Session? session, State state)
    {
        _session = session;
        _state = state;
    }

    /// <summary>The URL this builder sends to, path segments included.</summary>
    public string Url => _state.Url;

    /// <summary>Sets a header (replacing one of the same name); a <c>null</c> value removes a session header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or <c>null</c>.</param>
    /// <exception cref="InvalidHeaderException">The name or value holds CR/LF, leading whitespace, or the name a colon.</exception>
    public RequestBuilder WithHeader(string name, string? value)
    {
        if (value is not null) HeaderRules.Validate(name, value);
        else HeaderRules.Validate(name, "");
        return With(_state with { Headers = Append(_state.Headers, name, value) });
    }

    /// <summary>Sets headers from a mapping, pairs or anonymous object (<c>_</c> in a member name becomes <c>-</c>).</summary>
    /// <param name="headers">The headers.</param>
    public RequestBuilder WithHeaders(object headers)
    {
        var list = _state.Headers;
        foreach (var (name, value) in Pairs.Enumerate(Required(headers, nameof(headers)), "headers", memberNameDashes: true))
        {
            HeaderRules.Validate(name, value is null ? "" : Pairs.Format(value));
            list = Append(list, name, value);
        }
        return With(_state with { Headers = list });
    }

    /// <summary>Adds a query parameter; a sequence value repeats the key, a <c>null</c> one removes a session parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public RequestBuilder WithParam(string name, object? value)
        => With(_state with { Params = Append(_state.Params, Required(name, nameof(name)), value) });

    /// <summary>Adds query parameters from a mapping, pairs or anonymous object.</summary>
    /// <param name="parameters">The parameters.</param>
    public RequestBuilder WithParams(object parameters)
    {
        var list = _state.Params;
        foreach (var (name, value) in Pairs.Enumerate(Required(parameters, nameof(parameters)), "params")) list = Append(list, name, value);
        return With(_state with { Params = list });
    }

    /// <summary>Adds a cookie for this request only; it goes to this request's host, not to another host a redirect leads to.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The name is not a token, or the value holds a control character, <c>;</c> or non-ASCII.</exception>
    public RequestBuilder WithCookie(string name, string value)
    {
        CookieSyntax.Validate(Required(name, nameof(name)), Required(value, nameof(value)), nameof(name), nameof(value));
        return With(_state with { Cookies = Append(_state.Cookies, name, value) });
    }

    /// <summary>Adds cookies for this request only, from a mapping, pairs or anonymous object.</summary>
    /// <param name="cookies">The cookies.</param>
    /// <exception cref="ArgumentException">A name is not a token, or a value holds a control character, <c>;</c> or non-ASCII.</exception>
    public RequestBuilder WithCookies(object cookies)
    {
        var list = _state.Cookies;
        foreach (var (name, value) in Pairs.Enumerate(Required(cookies, nameof(cookies)), "cookies"))
        {
            if (value is not null) CookieSyntax.Validate(name, Pairs.Format(value), nameof(cookies), nameof(cookies));
            list = Append(list, name, value);
        }
        return With(_state with { Cookies = list });
    }

    /// <summary>Sets the authentication (beats the session's).</summary>
    /// <param name="auth">The authentication.</param>
    public RequestBuilder WithAuth(Auth auth) => With(_state with { Auth = Required(auth, nameof(auth)) });

    /// <summary>Uses HTTP Basic authentication.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    public RequestBuilder WithBasicAuth(string user, string password) => WithAuth(Auth.Basic(user, password));

    /// <summary>Uses HTTP Digest authentication.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    public RequestBuilder WithDigestAuth(string user, string password) => WithAuth(Auth.Digest(user, password));

    /// <summary>Sends <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="token">The token.</param>
    public RequestBuilder WithBearerToken(string token) => WithAuth(Auth.Bearer(token));

    /// <summary>Sets the timeout (seconds, a <see cref="TimeSpan"/>, a <c>(connect, read)</c> tuple or a <see cref="RequestTimeout"/>).</summary>
    /// <param name="timeout">The timeout.</param>
    public RequestBuilder WithTimeout(RequestTimeout timeout) => With(_state with { Timeout = Required(timeout, nameof(timeout)) });

    /// <summary>Sets whether redirects are followed.</summary>
    /// <param name="allowRedirects">Whether to follow them.</param>
    public RequestBuilder WithAllowRedirects(bool allowRedirects) => With(_state with { AllowRedirects = allowRedirects });

    /// <summary>Sets the most redirects followed before <see cref="TooManyRedirectsException"/> (default the session's, 30).</summary>
    /// <param name="maxRedirects">The limit; zero or more.</param>
    public RequestBuilder WithMaxRedirects(int maxRedirects)
        => maxRedirects >= 0
            ? With(_state with { MaxRedirects = maxRedirects })
            : throw new ArgumentException($"maxRedirects must not be negative; got {maxRedirects}.", nameof(maxRedirects));

    /// <summary>Sets the proxies, merged over the session's.</summary>
    /// <param name="proxies">Proxies by scheme, <c>all</c>, or <c>scheme://host</c>.</param>
    public RequestBuilder WithProxies(IDictionary<string, string> proxies)
        => With(_state with { Proxies = new Dictionary<string, string>(Required(proxies, nameof(proxies)), StringComparer.OrdinalIgnoreCase) });

    /// <summary>Sets TLS verification.</summary>
    /// <param name="verify"><c>true</c>, <c>false</c> or a CA bundle path.</param>
    public RequestBuilder WithVerify(Verify verify) => With(_state with { Verify = Required(verify, nameof(verify)) });

    /// <summary>Sets the TLS client certificate.</summary>
    /// <param name="cert">The certificate.</param>
    public RequestBuilder WithCert(ClientCert cert) => With(_state with { Cert = Required(cert, nameof(cert)) });

    /// <summary>Streams the body: the response must then be disposed.</summary>
    /// <param name="stream">Whether to stream.</param>
    public RequestBuilder WithStream(bool stream = true) => With(_state with { Stream = stream });

    /// <summary>Sets the retry policy (beats the session's).</summary>
    /// <param name="retry">The policy.</param>
    public RequestBuilder WithRetry(RetryPolicy retry) => With(_state with { Retry = Required(retry, nameof(retry)) });

    /// <summary>Appends a path segment, encoding what a path cannot hold (Flurl's rules).</summary>
    /// <param name="segment">The segment; formatted with the invariant culture.</param>
    public RequestBuilder AppendPathSegment(object segment)
        => With(_state with { Url = new Flurl.Url(_state.Url).AppendPathSegment(Pairs.Format(Required(segment, nameof(segment)))).ToString() });

    /// <summary>Appends path segments in order.</summary>
    /// <param name="segments">The segments.</param>
    public RequestBuilder AppendPathSegments(params object[] segments)
    {
        var url = new Flurl.Url(_state.Url);
        foreach (var s in Required(segments, nameof(segments))) url.AppendPathSegment(Pairs.Format(Required(s, nameof(segments))));
        return With(_state with { Url = url.ToString() });
    }

    /// <inheritdoc/>
    public override string ToString() => $"<RequestBuilder {_state.Url}>";

    private RequestBuilder With(State state) => new(_session, state);

    private static KeyValuePair<string, object?>[] Append(KeyValuePair<string, object?>[] list, string name, object? value)
        => [.. list, new(name, value)];

    private static T Required<T>(T? value, string name) where T : class
        => value ?? throw new ArgumentNullException(name);

    private sealed record State(string Url)
    {
        public KeyValuePair<string, object?>[] Headers { get; init; } = [];
        public KeyValuePair<string, object?>[] Params { get; init; } = [];
        public KeyValuePair<string, object?>[] Cookies { get; init; } = [];
        public Auth? Auth { get; init; }
        public RequestTimeout? Timeout { get; init; }
        public bool? AllowRedirects { get; init; }
        public int? MaxRedirects { get; init; }
        public IDictionary<string, string>? Proxies { get; init; }
        public Verify? Verify { get; init; }
        public ClientCert? Cert { get; init; }
        public bool? Stream { get; init; }
        public RetryPolicy? Retry { get; init; }
    }
}
