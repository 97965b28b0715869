using System.Text.Json;

namespace FluentRequests;

public sealed partial class RequestBuilder
{
    /// <summary>Sends a GET.</summary>
    public Response Get() => Send("GET");

    /// <summary>Sends a GET asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> GetAsync(CancellationToken cancellationToken = default) => SendAsync("GET", cancellationToken: cancellationToken);

    /// <summary>Sends a HEAD (redirects not followed unless <see cref="WithAllowRedirects"/> says so).</summary>
    public Response Head() => Send("HEAD");

    /// <summary>Sends a HEAD asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> HeadAsync(CancellationToken cancellationToken = default) => SendAsync("HEAD", cancellationToken: cancellationToken);

    /// <summary>Sends an OPTIONS.</summary>
    public Response Options() => Send("OPTIONS");

    /// <summary>Sends an OPTIONS asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> OptionsAsync(CancellationToken cancellationToken = default) => SendAsync("OPTIONS", cancellationToken: cancellationToken);

    /// <summary>Sends a DELETE.</summary>
    public Response Delete() => Send("DELETE");

    /// <summary>Sends a DELETE asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> DeleteAsync(CancellationToken cancellationToken = default) => SendAsync("DELETE", cancellationToken: cancellationToken);

    /// <summary>Sends a POST with an optional body (any <c>data</c> shape).</summary>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    public Response Post(object? data = null) => Send("POST", data);

    /// <summary>Sends a POST asynchronously.</summary>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PostAsync(object? data = null, CancellationToken cancellationToken = default) => SendAsync("POST", data, cancellationToken: cancellationToken);

    /// <summary>Sends a PUT with an optional body.</summary>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    public Response Put(object? data = null) => Send("PUT", data);

    /// <summary>Sends a PUT asynchronously.</summary>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PutAsync(object? data = null, CancellationToken cancellationToken = default) => SendAsync("PUT", data, cancellationToken: cancellationToken);

    /// <summary>Sends a PATCH with an optional body.</summary>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    public Response Patch(object? data = null) => Send("PATCH", data);

    /// <summary>Sends a PATCH asynchronously.</summary>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PatchAsync(object? data = null, CancellationToken cancellationToken = default) => SendAsync("PATCH", data, cancellationToken: cancellationToken);

    /// <summary>Sends a POST with a JSON body.</summary>
    /// <param name="body">The value to serialize.</param>
    public Response PostJson(object? body) => Send("POST", json: body ?? JsonNull);

    /// <summary>Sends a POST with a JSON body asynchronously.</summary>
    /// <param name="body">The value to serialize.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PostJsonAsync(object? body, CancellationToken cancellationToken = default) => SendAsync("POST", json: body ?? JsonNull, cancellationToken: cancellationToken);

    /// <summary>Sends a PUT with a JSON body.</summary>
    /// <param name="body">The value to serialize.</param>
    public Response PutJson(object? body) => Send("PUT", json: body ?? JsonNull);

    /// <summary>Sends a PUT with a JSON body asynchronously.</summary>
    /// <param name="body">The value to serialize.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PutJsonAsync(object? body, CancellationToken cancellationToken = default) => SendAsync("PUT", json: body ?? JsonNull, cancellationToken: cancellationToken);

    /// <summary>Sends a PATCH with a JSON body.</summary>
    /// <param name="body">The value to serialize.</param>
    public Response PatchJson(object? body) => Send("PATCH", json: body ?? JsonNull);

    /// <summary>Sends a PATCH with a JSON body asynchronously.</summary>
    /// <param name="body">The value to serialize.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PatchJsonAsync(object? body, CancellationToken cancellationToken = default) => SendAsync("PATCH", json: body ?? JsonNull, cancellationToken: cancellationToken);

    /// <summary>Sends a POST with a form-encoded body.</summary>
    /// <param name="form">The fields: a mapping, pairs or anonymous object.</param>
    public Response PostForm(object form) => Send("POST", FormOnly(form));

    /// <summary>Sends a POST with a form-encoded body asynchronously.</summary>
    /// <param name="form">The fields: a mapping, pairs or anonymous object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PostFormAsync(object form, CancellationToken cancellationToken = default) => SendAsync("POST", FormOnly(form), cancellationToken: cancellationToken);

    /// <summary>Sends a POST with a multipart body: <paramref name="data"/>'s fields first, then the files.</summary>
    /// <param name="files">The files.</param>
    /// <param name="data">Extra form fields, or <c>null</c>.</param>
    public Response PostMultipart(Files files, object? data = null)
        => SendCoreAsync("POST", data, null, Required(files, nameof(files)), async: false, default).EnsureCompleted();

    /// <summary>Sends a POST with a multipart body asynchronously.</summary>
    /// <param name="files">The files.</param>
    /// <param name="data">Extra form fields, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PostMultipartAsync(Files files, object? data = null, CancellationToken cancellationToken = default)
        => SendCoreAsync("POST", data, null, Required(files, nameof(files)), async: true, cancellationToken).AsTask();

    /// <summary>Sends a request with any method.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    /// <param name="json">A JSON body, used when <paramref name="data"/> is <c>null</c>.</param>
    public Response Send(string method, object? data = null, object? json = null)
        => SendCoreAsync(method, data, json, null, async: false, default).EnsureCompleted();

    /// <summary>Sends a request with any method asynchronously.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="data">The body, as Requests' <c>data</c>.</param>
    /// <param name="json">A JSON body, used when <paramref name="data"/> is <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> SendAsync(string method, object? data = null, object? json = null, CancellationToken cancellationToken = default)
        => SendCoreAsync(method, data, json, null, async: true, cancellationToken).AsTask();

    /// <summary>Sends a GET, raises for a 4xx/5xx status, and deserializes the JSON body.</summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="options">Serializer options; default web defaults (case-insensitive names).</param>
    /// <exception cref="HttpStatusException">The status is 400–599.</exception>
    /// <exception cref="JsonDecodeException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? GetJson<T>(JsonSerializerOptions? options = null) => Get().RaiseForStatus().Json<T>(options);

    /// <summary>Sends a GET asynchronously, raises for a 4xx/5xx status, and deserializes the JSON body.</summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="options">Serializer options; default web defaults (case-insensitive names).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T?> GetJsonAsync<T>(JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
        => (await GetAsync(cancellationToken).ConfigureAwait(false)).RaiseForStatus().Json<T>(options);

    // A JSON body of null is sent as the literal "null", not as "no body".
    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();

    private static object FormOnly(object form)
        => Pairs.IsMappingLike(Required(form, nameof(form))) ? form : throw Pairs.Unsupported(form, "form");

    private async ValueTask<Response> SendCoreAsync(string method, object? data, object? json, Files? files, bool async, CancellationToken cancellationToken)
    {
        var s = _state;
        var args = new RequestArgs
        {
            Params = s.Params.Length == 0 ? null : s.Params,
            Data = data,
            Json = json,
            Headers = s.Headers.Length == 0 ? null : s.Headers,
            Cookies = s.Cookies.Length == 0 ? null : s.Cookies,
            Files = files,
            Auth = s.Auth,
            Timeout = s.Timeout,
            AllowRedirects = s.AllowRedirects,
            MaxRedirects = s.MaxRedirects,
            Proxies = s.Proxies,
            Verify = s.Verify,
            Stream = s.Stream,
            Cert = s.Cert,
            Retry = s.Retry,
        };
        if (_session is not null)
        {
            return await _session.RequestCoreAsync(method, s.Url, args, async, cancellationToken).ConfigureAwait(false);
        }
        var throwaway = new Session();
        try
        {
            return await throwaway.RequestCoreAsync(method, s.Url, args, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            throwaway.Dispose();
        }
    }
}
