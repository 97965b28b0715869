namespace FluentRequests;

/// <summary>
/// A request as the user describes it, before session settings are merged in (Requests' <c>Request</c>).
/// Turn it into a <see cref="PreparedRequest"/> with <see cref="Session.Prepare"/>.
/// </summary>
public sealed class Request
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method, any case.</param>
    /// <param name="url">The URL, absolute or relative to <see cref="Session.BaseUrl"/>.</param>
    public Request(string method, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(url);
        Method = method;
        Url = url;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; set; }

    /// <summary>The URL.</summary>
    public string Url { get; set; }

    /// <summary>Headers: a mapping, pairs or anonymous object; a <c>null</c> value removes a session header.</summary>
    /// <value>The default value is <see langword="null"/>: the session's headers only.</value>
    public object? Headers { get; set; }

    /// <summary>Query parameters: a mapping, pairs, anonymous object, or a raw string/bytes.</summary>
    /// <value>The default value is <see langword="null"/>: the session's parameters only.</value>
    public object? Params { get; set; }

    /// <summary>The body: form fields, string, bytes, stream, byte chunks or <see cref="HttpContent"/>.</summary>
    /// <value>The default value is <see langword="null"/>: no form or raw body.</value>
    public object? Data { get; set; }

    /// <summary>A value serialized as the JSON body when <see cref="Data"/> is <c>null</c>.</summary>
    /// <value>The default value is <see langword="null"/>: no JSON body.</value>
    public object? Json { get; set; }

    /// <summary>Multipart files.</summary>
    /// <value>The default value is <see langword="null"/>: no multipart body.</value>
    public Files? Files { get; set; }

    /// <summary>
    /// Cookies for this request only: a mapping, pairs, anonymous object, <see cref="CookieJar"/> or <see
    /// cref="System.Net.CookieContainer"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the session's cookies only.</value>
    public object? Cookies { get; set; }

    /// <summary>Authentication; beats the session's.</summary>
    /// <value>The default value is <see langword="null"/>: the session's authentication.</value>
    public Auth? Auth { get; set; }

    /// <summary>Response hooks for this request, run after the session's.</summary>
    /// <value>The default value is <see langword="null"/>: the session's hooks only.</value>
    public Hooks? Hooks { get; set; }

    /// <summary>A copy of this request.</summary>
    public Request Copy() => (Request)MemberwiseClone();
}
