using System.Text.Json.Serialization;

namespace FluentRequests.AotSample;

/// <summary>What the embedded server (or httpbin) echoes back.</summary>
internal sealed class Echo
{
    public string Method { get; set; } = "";

    public Dictionary<string, string> Args { get; set; } = [];

    public Dictionary<string, string> Headers { get; set; } = [];

    public Dictionary<string, string> Cookies { get; set; } = [];

    public string Data { get; set; } = "";
}

/// <summary>A JSON body the sample sends.</summary>
internal sealed record Todo(int Id, string Title, bool Done);

/// <summary>The JSON contracts, generated at compile time: no reflection, so they work under Native AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Echo))]
[JsonSerializable(typeof(Todo))]
internal sealed partial class AppJson : JsonSerializerContext;
