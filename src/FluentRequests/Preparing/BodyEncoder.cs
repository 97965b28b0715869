using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace FluentRequests;

/// <summary>Requests' <c>prepare_body</c>: picks the body from files, data or json and sets Content-Type and Content-Length.</summary>
internal static class BodyEncoder
{
    public static RequestBody? Encode(string method, object? data, object? json, Files? files, HeaderCollection headers, JsonSerializerOptions jsonOptions)
    {
        RequestBody? body;
        string? contentType = null;
        if (files is { Count: > 0 })
        {
            var multipart = new MultipartBody(files, data);
            body = multipart;
            contentType = multipart.ContentType;
        }
        else if (data is not null && !IsEmptyMapping(data))
        {
            (body, contentType) = EncodeData(data);
        }
        else if (json is not null)
        {
            body = new BytesBody(SerializeJson(json, jsonOptions));
            contentType = "application/json";
        }
        else
        {
            body = null;
        }

        if (contentType is not null && !headers.ContainsKey("Content-Type"))
        {
            headers.SetUnchecked("Content-Type", contentType);
        }
        SetLength(method, body, headers);
        return body;
    }

    /// <summary>
    /// Requests' <c>prepare_content_length</c>: a known length is sent, unknown is chunked; with no body a Content-Length
    /// the caller set is kept, else 0 is sent except for GET and HEAD.
    /// </summary>
    public static void SetLength(string method, RequestBody? body, HeaderCollection headers)
    {
        if (body is null)
        {
            headers.Remove("Transfer-Encoding");
            if (method is not ("GET" or "HEAD") && !headers.ContainsKey("Content-Length")) headers.SetUnchecked("Content-Length", "0");
        }
        else if (body.Length is { } length)
        {
            headers.Remove("Transfer-Encoding");
            headers.SetUnchecked("Content-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            headers.Remove("Content-Length");
            headers.SetUnchecked("Transfer-Encoding", "chunked");
        }
    }

    /// <summary>
    /// The json body as UTF-8. The contract comes from <paramref name="options"/>' resolver (a JsonSerializerContext
    /// there is honoured), or from the <see cref="JsonBody"/> the value was wrapped in, so nothing here needs
    /// reflection: System.Text.Json falls back to it only where the app allows it (not in trimmed or AOT apps).
    /// </summary>
    public static byte[] SerializeJson(object json, JsonSerializerOptions options)
    {
        try
        {
            return json switch
            {
                JsonBody typed => typed.Serialize(),
                JsonElement or JsonDocument or JsonNode => WriteJsonValue(json, options),
                _ => JsonSerializer.SerializeToUtf8Bytes(json, ContractFor(json.GetType(), options)),
            };
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new InvalidJsonException($"The json body could not be serialized (NaN and Infinity are not valid JSON): {e.Message}", innerException: e);
        }
    }

    private static JsonTypeInfo ContractFor(Type type, JsonSerializerOptions options)
    {
        try
        {
            // Options without a resolver get System.Text.Json's reflection one, as its own serializer methods do,
            // only where the app allows reflection-based JSON (not in trimmed or AOT apps).
            if (options.TypeInfoResolver is null && !options.IsReadOnly && JsonReflection.IsEnabled) options.MakeReadOnly(populateMissingResolver: true);
            return options.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            throw new InvalidJsonException(
                $"No JSON contract for the json body's type {type.FullName}: with reflection off (a trimmed or Native AOT app) "
                + "add the type to a JsonSerializerContext and set it as Session.JsonOptions.TypeInfoResolver, or pass "
                + $"JsonBody.Create(value, MyContext.Default.{type.Name}). {e.Message}",
                innerException: e);
        }
    }

    /// <summary>
    /// System.Text.Json's own switch for reflection-based JSON, which the SDK turns off (and the trimmer folds) in
    /// trimmed and Native AOT apps; as a feature guard it lets the analyzers accept the reflection behind it.
    /// </summary>
    private static class JsonReflection
    {
        private const string Switch = "System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault";

        [FeatureSwitchDefinition(Switch)]
        [FeatureGuard(typeof(RequiresUnreferencedCodeAttribute))]
        [FeatureGuard(typeof(RequiresDynamicCodeAttribute))]
        public static bool IsEnabled { get; } = !AppContext.TryGetSwitch(Switch, out bool enabled) || enabled;
    }

    // Parsed JSON needs no contract: it writes itself, with the options' encoder and indentation.
    private static byte[] WriteJsonValue(object json, JsonSerializerOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented }))
        {
            switch (json)
            {
                case JsonElement element: element.WriteTo(writer); break;
                case JsonDocument document: document.WriteTo(writer); break;
                case JsonNode node: node.WriteTo(writer, options); break;
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static (RequestBody Body, string? ContentType) EncodeData(object data) => data switch
    {
        string s => (new BytesBody(Encoding.UTF8.GetBytes(s)), null),
        byte[] bytes => (new BytesBody(bytes), null),
        ReadOnlyMemory<byte> memory => (new BytesBody(memory.ToArray()), null),
        Stream stream => (new StreamBody(stream), null),
        HttpContent content => (new HttpContentBody(content), content.Headers.ContentType?.ToString()),
        IEnumerable<byte[]> chunks => (new ChunksBody(chunks), null),
        IAsyncEnumerable<byte[]> chunks => (new ChunksBody(chunks), null),
        _ when Pairs.IsMappingLike(data)
            => (new BytesBody(Encoding.ASCII.GetBytes(UrlPreparer.EncodePairs(Pairs.Flatten(data, "data")))), "application/x-www-form-urlencoded"),
        _ => throw Pairs.Unsupported(data, "data"),
    };

    private static bool IsEmptyMapping(object data)
        => data is System.Collections.ICollection { Count: 0 } && data is not (string or byte[]);
}
