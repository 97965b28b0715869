namespace FluentRequests;

/// <summary>
/// The server's answer to a request (Requests' <c>Response</c>). Without <c>stream: true</c> the body is
/// already read and the connection is back in the pool: <see cref="Content"/>, <see cref="Text"/> and
/// <see cref="Json()"/> do no I/O and disposing is optional. With <c>stream: true</c>, dispose it.
/// </summary>
public sealed partial class Response : IDisposable, IAsyncDisposable
{
    private static readonly Response[] NoHistory = [];
    private readonly IReadOnlyList<string> _setCookies;
    private CookieJar? _cookies;
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? _links;

    private Response(PreparedRequest request, int statusCode, string? reason, HeaderCollection headers, IReadOnlyList<string> setCookies, TimeSpan elapsed)
    {
        Request = request;
        StatusCode = statusCode;
        Reason = reason ?? ReasonPhrases.For(statusCode);
        Headers = headers;
        _setCookies = setCookies;
        Elapsed = elapsed;
    }

    /// <summary>A response whose body was read before the call returned; it holds no connection.</summary>
    internal static Response Buffered(PreparedRequest request, int statusCode, string? reason, HeaderCollection headers,
        IReadOnlyList<string> setCookies, TimeSpan elapsed, byte[] content)
        => new(request, statusCode, reason, headers, setCookies, elapsed) { _content = content };

    /// <summary>A response whose body is still on the connection (<c>stream: true</c>); it owns the connection until disposed or read.</summary>
    internal static Response Streamed(PreparedRequest request, int statusCode, string? reason, HeaderCollection headers,
        IReadOnlyList<string> setCookies, TimeSpan elapsed, StreamedBody body)
        => new(request, statusCode, reason, headers, setCookies, elapsed) { _streamed = body };

    /// <summary>The status code, e.g. 200.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as the server sent it, e.g. <c>OK</c> or <c>NOT FOUND</c>.</summary>
    public string Reason { get; }

    /// <summary><c>false</c> only for 400–599, as Requests' <c>ok</c>.</summary>
    public bool Ok => StatusCode is < 400 or >= 600;

    /// <summary>The response headers, case-insensitive; repeated headers are joined with <c>", "</c>.</summary>
    public HeaderCollection Headers { get; }

    /// <summary>The final URL, after redirects, fragment kept.</summary>
    public string Url => Request.Url;

    /// <summary>The responses of the redirects followed to get here, oldest first.</summary>
    public IReadOnlyList<Response> History { get; internal set; } = NoHistory;

    /// <summary>The time from sending the request to receiving the response headers.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The request that produced this response, as sent.</summary>
    public PreparedRequest Request { get; }

    /// <summary>The cookies this response set (its Set-Cookie headers only).</summary>
    public CookieJar Cookies
    {
        get
        {
            if (_cookies is null)
            {
                var jar = new CookieJar();
                if (_setCookies.Count > 0) jar.StoreResponseCookies(Request.Uri, _setCookies);
                _cookies = jar;
            }
            return _cookies;
        }
    }

    internal IReadOnlyList<string> SetCookieHeaders => _setCookies;

    /// <summary>Whether this is a redirect that could be followed: 301, 302, 303, 307 or 308 with a Location.</summary>
    public bool IsRedirect => Headers.ContainsKey("Location") && StatusCode is 301 or 302 or 303 or 307 or 308;

    /// <summary>Whether this is a permanent redirect: 301 or 308 with a Location.</summary>
    public bool IsPermanentRedirect => Headers.ContainsKey("Location") && StatusCode is 301 or 308;

    /// <summary>The request a redirect would send next, when <see cref="IsRedirect"/> and redirects were not followed; else <c>null</c>.</summary>
    public PreparedRequest? Next { get; internal set; }

    /// <summary>The Link header parsed as Requests does, keyed by <c>rel</c> (or by URL when there is none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Links => _links ??= LinkHeader.Parse(Headers["Link"]);

    /// <summary>Throws <see cref="HttpStatusException"/> for 4xx and 5xx; returns this response otherwise, for chaining.</summary>
    /// <exception cref="HttpStatusException">The status is 400–599.</exception>
    public Response RaiseForStatus()
    {
        string? kind = StatusCode switch
        {
            >= 400 and < 500 => "Client Error",
            >= 500 and < 600 => "Server Error",
            _ => null,
        };
        if (kind is not null)
        {
            throw new HttpStatusException($"{StatusCode} {kind}: {Reason} for url: {UrlRedaction.WithoutUserInfo(Url)}", Request, this);
        }
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => $"<Response [{StatusCode}]>";

    /// <summary>
    /// Releases the connection of a streamed response; a no-op once the body was read. A body left unread is drained
    /// when little of it remains (up to SocketsHttpHandler's 1 MB drain limit), and the connection goes back to the
    /// pool; otherwise the connection is closed.
    /// </summary>
    public void Dispose()
    {
        _bodyStream?.Dispose();
        _streamed?.Dispose();
        _bodyStream = null;
        _streamed = null;
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        if (_bodyStream is not null) await _bodyStream.DisposeAsync().ConfigureAwait(false);
        _streamed?.Dispose();
        _bodyStream = null;
        _streamed = null;
    }
}
