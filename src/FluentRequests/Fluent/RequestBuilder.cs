namespace FluentRequests;

/// <summary>
/// An immutable request description: every <c>With…</c> returns a new builder, so a configured builder can be
/// kept and sent from many threads. Start one with <see cref="Session.Url"/> or <see cref="Requests.Url"/>;
/// finish with a sender such as <see cref="Get"/> or <see cref="PostJson"/>.
/// </summary>
public sealed partial class RequestBuilder
{
    private readonly Session? _session;
    private readonly string _url;

    // The builder's settings are the keyword arguments of a call: a sender adds its body and sends them as they are.
    private readonly RequestArgs _args;

    internal RequestBuilder(Session? session, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _session = session;
        _url = url;
        _args = RequestArgs.None;
    }

    private RequestBuilder(Session? session, string url, RequestArgs args)
    {
        _session = session;
        _url = url;
        _args = args;
    }

    /// <summary>The URL this builder sends to, path segments included.</summary>
    public string Url => _url;

    /// <summary>Sets a header (replacing one of the same name); a <c>null</c> value removes a session header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or <c>null</c>.</param>
    /// <exception cref="InvalidHeaderException">
    /// The name or value holds CR/LF, leading whitespace, the name is not a token (a colon, space, non-ASCII…), or the value
    /// holds a non-ASCII character.
    /// </exception>
    public RequestBuilder WithHeader(string name, string? value)
    {
        if (value is not null) HeaderRules.Validate(name, value);
        else HeaderRules.Validate(name, "");
        return With(_args with { Headers = Append(_args.Headers, name, value) });
    }

    /// <summary>Sets headers from a mapping, pairs or anonymous object (<c>_</c> in a member name becomes <c>-</c>).</summary>
    /// <param name="headers">The headers.</param>
    public RequestBuilder WithHeaders(object headers)
    {
        var list = _args.Headers;
        foreach (var (name, value) in Pairs.Enumerate(Required(headers, nameof(headers)), "headers", memberNameDashes: true))
        {
            HeaderRules.Validate(name, value is null ? "" : Pairs.Format(value));
            list = Append(list, name, value);
        }
        return With(_args with { Headers = list });
    }

    /// <summary>Adds a query parameter; a sequence value repeats the key, a <c>null</c> one removes a session parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public RequestBuilder WithParam(string name, object? value)
        => With(_args with { Params = Append(_args.Params, Required(name, nameof(name)), value) });

    /// <summary>Adds query parameters from a mapping, pairs or anonymous object.</summary>
    /// <param name="parameters">The parameters.</param>
    public RequestBuilder WithParams(object parameters)
    {
        var list = _args.Params;
        foreach (var (name, value) in Pairs.Enumerate(Required(parameters, nameof(parameters)), "params")) list = Append(list, name, value);
        return With(_args with { Params = list });
    }

    /// <summary>Adds a cookie for this request only; it goes to this request's host, not to another host a redirect leads to.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The name is not a token, or the value holds a control character, <c>;</c> or non-ASCII.</exception>
    public RequestBuilder WithCookie(string name, string value)
    {
        CookieSyntax.Validate(Required(name, nameof(name)), Required(value, nameof(value)), nameof(name), nameof(value));
        return With(_args with { Cookies = Append(_args.Cookies, name, value) });
    }

    /// <summary>Adds cookies for this request only, from a mapping, pairs or anonymous object.</summary>
    /// <param name="cookies">The cookies.</param>
    /// <exception cref="ArgumentException">A name is not a token, or a value holds a control character, <c>;</c> or non-ASCII.</exception>
    public RequestBuilder WithCookies(object cookies)
    {
        var list = _args.Cookies;
        foreach (var (name, value) in Pairs.Enumerate(Required(cookies, nameof(cookies)), "cookies"))
        {
            if (value is not null) CookieSyntax.Validate(name, Pairs.Format(value), nameof(cookies), nameof(cookies));
            list = Append(list, name, value);
        }
        return With(_args with { Cookies = list });
    }

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

    /// <summary>Appends a path segment, encoding what a path cannot hold (Flurl's rules).</summary>
    /// <param name="segment">The segment; formatted with the invariant culture.</param>
    public RequestBuilder AppendPathSegment(object segment)
        => WithUrl(new Flurl.Url(_url).AppendPathSegment(Pairs.Format(Required(segment, nameof(segment)))).ToString());

    /// <summary>Appends path segments in order.</summary>
    /// <param name="segments">The segments.</param>
    public RequestBuilder AppendPathSegments(params object[] segments)
    {
        var url = new Flurl.Url(_url);
        foreach (var s in Required(segments, nameof(segments))) url.AppendPathSegment(Pairs.Format(Required(s, nameof(segments))));
        return WithUrl(url.ToString());
    }

    /// <inheritdoc/>
    public override string ToString() => $"<RequestBuilder {_url}>";

    private RequestBuilder With(RequestArgs args) => new(_session, _url, args);

    private RequestBuilder WithUrl(string url) => new(_session, url, _args);

    // Headers, params and cookies accumulate as pairs in call order; the session's merge resolves repeats and nulls.
    private static KeyValuePair<string, object?>[] Append(object? list, string name, object? value)
        => [.. list as KeyValuePair<string, object?>[] ?? [], new(name, value)];

    private static T Required<T>(T? value, string name) where T : class
        => value ?? throw new ArgumentNullException(name);

    private static TimeSpan ValidTotalTimeout(TimeSpan totalTimeout) => RequestTimeout.TotalOnly(totalTimeout).Total!.Value;

    private static int ValidMaxRedirects(int maxRedirects)
        => maxRedirects >= 0 ? maxRedirects : throw new ArgumentException($"maxRedirects must not be negative; got {maxRedirects}.", nameof(maxRedirects));
}
