// The eight verbs of Requests' Session API, sync and async. Generated once from one argument table; keep them in step.
namespace FluentRequests;

public sealed partial class Session
{
    /// <summary>Sends a request with any method.</summary>
    /// <param name="method">The HTTP method, any case.</param>
    /// <param name="url">The URL, absolute or relative to <see cref="BaseUrl"/>.</param>
    /// <param name="params">Query parameters: a mapping, pairs, anonymous object (sequence values repeat the key, <c>null</c> values are dropped), or a raw query string or <c>byte[]</c>.</param>
    /// <param name="data">The body: a mapping, pairs or anonymous object (form-encoded), a <c>string</c> (UTF-8), <c>byte[]</c>, <see cref="System.IO.Stream"/> (Content-Length when known, else chunked), <c>IEnumerable&lt;byte[]&gt;</c> or <c>IAsyncEnumerable&lt;byte[]&gt;</c> (chunked), or an <see cref="HttpContent"/>.</param>
    /// <param name="json">A value sent as a JSON body (System.Text.Json, <see cref="Session.JsonOptions"/>); used only when <paramref name="data"/> is <c>null</c>.</param>
    /// <param name="headers">Headers: a mapping, pairs or anonymous object (<c>_</c> in a member name becomes <c>-</c>); a <c>null</c> value removes a session header.</param>
    /// <param name="cookies">Cookies for this request only, and its redirect hops to the same host: a mapping, pairs, anonymous object, <see cref="CookieJar"/> or <see cref="System.Net.CookieContainer"/>. A name must be a token and a value printable ASCII without <c>;</c>, else <see cref="ArgumentException"/>.</param>
    /// <param name="files">Multipart files; with <paramref name="data"/> as extra form fields.</param>
    /// <param name="auth">Authentication: <c>("user", "pass")</c> for Basic, or <see cref="FluentRequests.Auth"/>'s factories; beats the session's.</param>
    /// <param name="timeout">Seconds, a <see cref="TimeSpan"/>, a <c>(connect, read)</c> tuple or a <see cref="RequestTimeout"/>; <c>null</c> uses the session's.</param>
    /// <param name="allowRedirects">Whether to follow redirects; default <c>true</c>, except for HEAD.</param>
    /// <param name="proxies">Proxies by scheme, <c>all</c>, or <c>scheme://host</c>; merged over the session's.</param>
    /// <param name="verify">TLS verification: <c>true</c>, <c>false</c> or a CA bundle path; <c>null</c> uses the session's.</param>
    /// <param name="stream">Whether to stream the body (then dispose the response); <c>null</c> uses the session's.</param>
    /// <param name="cert">A TLS client certificate; <c>null</c> uses the session's.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled call throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The response, its body read unless streaming.</returns>
    /// <exception cref="RequestException">The request failed; the subclass says how (see the exception tree).</exception>
    /// <exception cref="ArgumentException">An argument has an unsupported type or value.</exception>
    public Response Request(string method, string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync(method, url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a request with any method asynchronously.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> RequestAsync(string method, string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync(method, url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a HEAD request. Redirects are not followed unless <paramref name="allowRedirects"/> is <c>true</c>.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Response Head(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("HEAD", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a HEAD request asynchronously. Redirects are not followed unless <paramref name="allowRedirects"/> is <c>true</c>.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> HeadAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("HEAD", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a GET request.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Response Get(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("GET", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a GET request asynchronously.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> GetAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("GET", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a POST request.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Response Post(string url, object? data = null, object? json = null, object? @params = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("POST", url, new RequestArgs { Data = data, Json = json, Params = @params, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a POST request asynchronously.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> PostAsync(string url, object? data = null, object? json = null, object? @params = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("POST", url, new RequestArgs { Data = data, Json = json, Params = @params, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a PUT request.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Response Put(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("PUT", url, new RequestArgs { Data = data, Params = @params, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a PUT request asynchronously.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> PutAsync(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("PUT", url, new RequestArgs { Data = data, Params = @params, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a PATCH request.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Response Patch(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("PATCH", url, new RequestArgs { Data = data, Params = @params, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a PATCH request asynchronously.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> PatchAsync(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("PATCH", url, new RequestArgs { Data = data, Params = @params, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a DELETE request.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Response Delete(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("DELETE", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a DELETE request asynchronously.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> DeleteAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("DELETE", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a OPTIONS request.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Response Options(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("OPTIONS", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a OPTIONS request asynchronously.</summary>
    /// <inheritdoc cref="Request(string, string, object?, object?, object?, object?, object?, Files?, Auth?, RequestTimeout?, bool?, IDictionary{string, string}?, Verify?, bool?, ClientCert?, CancellationToken)"/>
    public Task<Response> OptionsAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
        => RequestCoreAsync("OPTIONS", url, new RequestArgs { Params = @params, Data = data, Json = json, Headers = headers, Cookies = cookies, Files = files, Auth = auth, Timeout = timeout, AllowRedirects = allowRedirects, Proxies = proxies, Verify = verify, Stream = stream, Cert = cert }, async: true, cancellationToken).AsTask();
}
