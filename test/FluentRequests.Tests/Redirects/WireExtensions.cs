using WireMock;

namespace FluentRequests.Tests.Redirects;

internal static class WireExtensions
{
    /// <summary>The first value of a request header, by case-insensitive name, or null when absent.</summary>
    public static string? Header(this IRequestMessage message, string name)
        => message.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>The values of a query parameter, in order; empty when absent.</summary>
    public static IReadOnlyList<string> QueryValues(this IRequestMessage message, string name)
        => message.Query is { } q && q.TryGetValue(name, out var values) ? values.ToList() : [];
}
