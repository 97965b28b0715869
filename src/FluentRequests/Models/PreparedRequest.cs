namespace FluentRequests;

/// <summary>
/// A request ready to send, with the session's headers, cookies and auth merged in and the body encoded
/// (Requests' <c>PreparedRequest</c>). <see cref="Response.Request"/> is the one actually sent.
/// </summary>
public sealed class PreparedRequest
{
    internal PreparedRequest(string method, string url, HeaderCollection headers, RequestBody? body)
    {
        Method = method;
        Url = url;
        Headers = headers;
        BodySource = body;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; internal set; }

    /// <summary>The full URL, query included, fragment kept (the fragment is never sent).</summary>
    public string Url
    {
        get => _url;
        internal set
        {
            _url = value;
            _uri = null;
        }
    }

    private string _url = "";
    private Uri? _uri;

    /// <summary>The URL as error messages show it: without its userinfo (<c>user:password@</c>).</summary>
    internal string DisplayUrl => UrlRedaction.WithoutUserInfo(_url);

    /// <summary>The headers sent, Content-Type, Content-Length and Cookie included.</summary>
    public HeaderCollection Headers { get; internal set; }

    /// <summary>
    /// The body: a <c>byte[]</c> for encoded bodies (form, JSON, strings and bytes), otherwise the
    /// <see cref="Stream"/>, chunk sequence or <see cref="HttpContent"/> given, or for a multipart upload the
    /// <see cref="FluentRequests.Files"/> given (the parts are encoded while sending); <c>null</c> when there is none.
    /// </summary>
    public object? Body => BodySource?.PublicValue;

    /// <summary>The path and query sent on the request line, e.g. <c>/search?q=1</c>.</summary>
    public string PathUrl
    {
        get
        {
            var uri = Uri;
            return uri.PathAndQuery;
        }
    }

    /// <summary>A copy whose headers can be changed independently; the body is shared.</summary>
    public PreparedRequest Copy() => new(Method, Url, Headers.Copy(), BodySource)
    {
        Auth = Auth,
        Hooks = Hooks,
        RequestCookies = RequestCookies,
    };

    /// <inheritdoc/>
    public override string ToString() => $"<PreparedRequest [{Method}]>";

    internal RequestBody? BodySource { get; set; }

    internal Auth? Auth { get; set; }

    internal Hooks? Hooks { get; set; }

    /// <summary>Cookies given for this call only; they are re-sent on every redirect hop.</summary>
    internal CookieJar? RequestCookies { get; set; }

    internal Uri Uri => _uri ??= new Uri(_url, UriKind.Absolute);

    internal bool TryRewindBody() => BodySource is null || BodySource.TryRewind();
}
