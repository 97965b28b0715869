using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FluentRequests;

public sealed partial class RequestBuilder
{
    // Get, Head, Options, Delete, Post, Put, Patch and Send (any method), with their async twins, are generated from
    // the argument table (src/FluentRequests.Generators/ArgumentTable.cs); the shortcuts below are written by hand.

    /// <summary>Sends a POST with a JSON body.</summary>
    /// <param name="body">The value to serialize.</param>
    public Response PostJson(object? body) => Send("POST", json: body ?? JsonNull);

    /// <summary>Sends a POST with a JSON body asynchronously.</summary>
    /// <param name="body">The value to serialize.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PostJsonAsync(object? body, CancellationToken cancellationToken = default)
        => SendAsync("POST", json: body ?? JsonNull, cancellationToken: cancellationToken);

    /// <summary>Sends a POST with a JSON body serialized with <paramref name="typeInfo"/>: no reflection, so trimmed and AOT apps can use it.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The value to serialize.</param>
    /// <param name="typeInfo">Its contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    public Response PostJson<T>(T body, JsonTypeInfo<T> typeInfo) => Send("POST", json: JsonBody.Create(body, typeInfo));

    /// <summary>Sends a POST asynchronously with a JSON body serialized with <paramref name="typeInfo"/> (no reflection).</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The value to serialize.</param>
    /// <param name="typeInfo">Its contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in a required JsonTypeInfo<T>: no existing call binds differently.")]
    public Task<Response> PostJsonAsync<T>(T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => SendAsync("POST", json: JsonBody.Create(body, typeInfo), cancellationToken: cancellationToken);

    /// <summary>Sends a PUT with a JSON body.</summary>
    /// <param name="body">The value to serialize.</param>
    public Response PutJson(object? body) => Send("PUT", json: body ?? JsonNull);

    /// <summary>Sends a PUT with a JSON body asynchronously.</summary>
    /// <param name="body">The value to serialize.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PutJsonAsync(object? body, CancellationToken cancellationToken = default)
        => SendAsync("PUT", json: body ?? JsonNull, cancellationToken: cancellationToken);

    /// <summary>Sends a PUT with a JSON body serialized with <paramref name="typeInfo"/>: no reflection, so trimmed and AOT apps can use it.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The value to serialize.</param>
    /// <param name="typeInfo">Its contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    public Response PutJson<T>(T body, JsonTypeInfo<T> typeInfo) => Send("PUT", json: JsonBody.Create(body, typeInfo));

    /// <summary>Sends a PUT asynchronously with a JSON body serialized with <paramref name="typeInfo"/> (no reflection).</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The value to serialize.</param>
    /// <param name="typeInfo">Its contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in a required JsonTypeInfo<T>: no existing call binds differently.")]
    public Task<Response> PutJsonAsync<T>(T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => SendAsync("PUT", json: JsonBody.Create(body, typeInfo), cancellationToken: cancellationToken);

    /// <summary>Sends a PATCH with a JSON body.</summary>
    /// <param name="body">The value to serialize.</param>
    public Response PatchJson(object? body) => Send("PATCH", json: body ?? JsonNull);

    /// <summary>Sends a PATCH with a JSON body asynchronously.</summary>
    /// <param name="body">The value to serialize.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PatchJsonAsync(object? body, CancellationToken cancellationToken = default)
        => SendAsync("PATCH", json: body ?? JsonNull, cancellationToken: cancellationToken);

    /// <summary>Sends a PATCH with a JSON body serialized with <paramref name="typeInfo"/>: no reflection, so trimmed and AOT apps can use it.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The value to serialize.</param>
    /// <param name="typeInfo">Its contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    public Response PatchJson<T>(T body, JsonTypeInfo<T> typeInfo) => Send("PATCH", json: JsonBody.Create(body, typeInfo));

    /// <summary>Sends a PATCH asynchronously with a JSON body serialized with <paramref name="typeInfo"/> (no reflection).</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The value to serialize.</param>
    /// <param name="typeInfo">Its contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in a required JsonTypeInfo<T>: no existing call binds differently.")]
    public Task<Response> PatchJsonAsync<T>(T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => SendAsync("PATCH", json: JsonBody.Create(body, typeInfo), cancellationToken: cancellationToken);

    /// <summary>Sends a POST with a form-encoded body.</summary>
    /// <param name="form">The fields: a mapping, pairs or anonymous object.</param>
    public Response PostForm(object form) => Send("POST", FormOnly(form));

    /// <summary>Sends a POST with a form-encoded body asynchronously.</summary>
    /// <param name="form">The fields: a mapping, pairs or anonymous object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PostFormAsync(object form, CancellationToken cancellationToken = default)
        => SendAsync("POST", FormOnly(form), cancellationToken: cancellationToken);

    /// <summary>Sends a POST with a multipart body: <paramref name="data"/>'s fields first, then the files.</summary>
    /// <param name="files">The files.</param>
    /// <param name="data">Extra form fields, or <c>null</c>.</param>
    public Response PostMultipart(Files files, object? data = null)
        => SendCoreAsync("POST", _args with { Data = data, Files = Required(files, nameof(files)) }, async: false, default).EnsureCompleted();

    /// <summary>Sends a POST with a multipart body asynchronously.</summary>
    /// <param name="files">The files.</param>
    /// <param name="data">Extra form fields, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<Response> PostMultipartAsync(Files files, object? data = null, CancellationToken cancellationToken = default)
        => SendCoreAsync("POST", _args with { Data = data, Files = Required(files, nameof(files)) }, async: true, cancellationToken).AsTask();

    /// <summary>Sends a GET, raises for a 4xx/5xx status, and deserializes the JSON body.</summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="options">Serializer options; default web defaults (case-insensitive names).</param>
    /// <exception cref="HttpStatusException">The status is 400–599.</exception>
    /// <exception cref="JsonDecodeException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    [RequiresUnreferencedCode(ResponseJsonExtensions.ReflectionWarning)]
    [RequiresDynamicCode(ResponseJsonExtensions.ReflectionWarning)]
    [SuppressMessage("ApiDesign", "RS0027", Justification = "The JsonTypeInfo<T> overload needs its argument: GetJson<T>() still binds here.")]
    public T? GetJson<T>(JsonSerializerOptions? options = null) => GetJson(ResponseJsonExtensions.ContractFor<T>(options));

    /// <summary>Sends a GET asynchronously, raises for a 4xx/5xx status, and deserializes the JSON body.</summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="options">Serializer options; default web defaults (case-insensitive names).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [RequiresUnreferencedCode(ResponseJsonExtensions.ReflectionWarning)]
    [RequiresDynamicCode(ResponseJsonExtensions.ReflectionWarning)]
    public Task<T?> GetJsonAsync<T>(JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
        => GetJsonAsync(ResponseJsonExtensions.ContractFor<T>(options), cancellationToken);

    /// <summary>
    /// Sends a GET, raises for a 4xx/5xx status, and deserializes the JSON body with <paramref name="typeInfo"/>: no
    /// reflection, so trimmed and AOT apps can use it.
    /// </summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="typeInfo">The contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    /// <exception cref="HttpStatusException">The status is 400–599.</exception>
    /// <exception cref="JsonDecodeException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? GetJson<T>(JsonTypeInfo<T> typeInfo) => Get().RaiseForStatus().Json(typeInfo);

    /// <summary>Sends a GET asynchronously, raises for a 4xx/5xx status, and deserializes the JSON body with <paramref name="typeInfo"/>.</summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="typeInfo">The contract, such as <c>AppJson.Default.Todo</c> from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="HttpStatusException">The status is 400–599.</exception>
    /// <exception cref="JsonDecodeException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in a required JsonTypeInfo<T>: no existing call binds differently.")]
    public async Task<T?> GetJsonAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        => (await GetAsync(cancellationToken).ConfigureAwait(false)).RaiseForStatus().Json(typeInfo);

    // A JSON body of null is sent as the literal "null", not as "no body".
    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();

    private static object FormOnly(object form)
        => Pairs.IsMappingLike(Required(form, nameof(form))) ? form : throw Pairs.Unsupported(form, "form");

    private ValueTask<Response> SendCoreAsync(string method, RequestArgs args, bool async, CancellationToken cancellationToken)
        => (_session ?? Session.ForRequests).RequestCoreAsync(method, _url, args, async, cancellationToken);
}
