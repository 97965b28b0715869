using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FluentRequests;

/// <summary>
/// <see cref="Response"/>'s JSON reader that takes serializer options. It is an extension, not a member, so that the
/// trimming annotations it needs stay off <see cref="Response"/>, whose members the retry pipeline keeps for
/// reflection; callers write <c>response.Json&lt;T&gt;()</c> as before.
/// </summary>
public static class ResponseJsonExtensions
{
    /// <summary>Why the options overloads of the JSON readers are marked for trimming and AOT, and what to use instead.</summary>
    internal const string ReflectionWarning =
        "Reading JSON into T with options may use reflection over T, which trimming and Native AOT break: "
        + "pass a JsonTypeInfo<T> from a JsonSerializerContext, as in response.Json(AppJson.Default.Todo).";

    /// <summary>
    /// The body deserialized as <typeparamref name="T"/>; property names match case-insensitively unless
    /// <paramref name="options"/> say otherwise.
    /// </summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="options">Serializer options; default System.Text.Json's web defaults (camelCase, case-insensitive).</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonDecodeException">The body is not valid JSON or does not fit <typeparamref name="T"/>.</exception>
    /// <remarks>
    /// The contract comes from <paramref name="options"/>' <see cref="JsonSerializerOptions.TypeInfoResolver"/>, by
    /// reflection unless that is a source-generated context; in trimmed and Native AOT apps use
    /// <see cref="Response.Json{T}(JsonTypeInfo{T})"/>.
    /// </remarks>
    [RequiresUnreferencedCode(ReflectionWarning)]
    [RequiresDynamicCode(ReflectionWarning)]
    public static T? Json<T>(this Response response, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Json(ContractFor<T>(options));
    }

    /// <summary><typeparamref name="T"/>'s contract from <paramref name="options"/> (default web defaults).</summary>
    [RequiresUnreferencedCode(ReflectionWarning)]
    [RequiresDynamicCode(ReflectionWarning)]
    internal static JsonTypeInfo<T> ContractFor<T>(JsonSerializerOptions? options)
    {
        options ??= Response.DefaultReadOptions;
        // As System.Text.Json's own readers: options without a resolver get the reflection one, where allowed.
        if (options.TypeInfoResolver is null && !options.IsReadOnly) options.MakeReadOnly(populateMissingResolver: true);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
