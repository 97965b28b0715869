namespace FluentRequests.Tests.Infrastructure;

/// <summary>One request as an in-process Kestrel server saw it, raw framing headers included.</summary>
internal sealed record Captured(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The value of a received header, any case (repeated names joined by Kestrel with ","); <c>null</c> when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
