using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FluentRequests;

/// <summary>
/// A json body with its System.Text.Json contract, for trimmed and Native AOT apps:
/// <c>json: JsonBody.Create(todo, AppJson.Default.Todo)</c> serializes with a source-generated contract, whatever the
/// session's <see cref="Session.JsonOptions"/>.
/// </summary>
public sealed class JsonBody
{
    private readonly Func<byte[]> _serialize;

    private JsonBody(object? value, Func<byte[]> serialize)
    {
        Value = value;
        _serialize = serialize;
    }

    /// <summary>The value sent.</summary>
    public object? Value { get; }

    /// <summary>A json body serialized with <paramref name="typeInfo"/> (from a <c>JsonSerializerContext</c>).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value; <c>null</c> is sent as <c>null</c>.</param>
    /// <param name="typeInfo">Its contract, such as <c>AppJson.Default.Todo</c>; its options (naming, encoder) apply.</param>
    /// <returns>The body, for the <c>json</c> argument of any verb.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <c>null</c>.</exception>
    public static JsonBody Create<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new JsonBody(value, () => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
    }

    internal byte[] Serialize() => _serialize();
}
