using WireMock;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>Reads what a WireMock server received: its header dictionary is case-sensitive, HTTP is not.</summary>
internal static class Wire
{
    /// <summary>
    /// The value of a received header, any case, repeated names joined with ", "; <c>null</c> when absent.
    /// Joining (rather than taking the first) makes a header sent twice visible to the assertion.
    /// </summary>
    public static string? Header(this IRequestMessage message, string name)
    {
        var values = HeaderValues(message, name);
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    /// <summary>The first value of a received header, any case, or <c>null</c> when absent.</summary>
    public static string? FirstHeader(this IRequestMessage message, string name)
    {
        var values = HeaderValues(message, name);
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>Every value of a received header, any case, in the order WireMock recorded them; empty when absent.</summary>
    public static IReadOnlyList<string> HeaderValues(this IRequestMessage message, string name)
        => (message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value)
            .ToList();

    /// <summary>The values of a query parameter, in order; empty when absent.</summary>
    public static IReadOnlyList<string> QueryValues(this IRequestMessage message, string name)
        => message.Query is { } q && q.TryGetValue(name, out var values) ? values.ToList() : [];

    /// <summary>The received body as bytes (empty when there was none).</summary>
    public static byte[] Bytes(this IRequestMessage message) => message.BodyAsBytes ?? [];
}
