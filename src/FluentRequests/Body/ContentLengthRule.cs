using System.Globalization;

namespace FluentRequests;

/// <summary>
/// A response's Content-Length must be one value: two different ones (two headers, or a list such as
/// <c>5, 10</c>) leave the body's end ambiguous, the ground of response smuggling, and are refused as urllib3
/// refuses them. Repeats of one value (<c>5, 5</c>) are that value (RFC 9110 section 8.6).
/// </summary>
internal static class ContentLengthRule
{
    /// <summary>The response's one Content-Length, or <c>null</c> when it has none or the handler's own reading stands.</summary>
    /// <exception cref="InvalidHeaderException">The values disagree.</exception>
    public static long? Single(HttpResponseMessage received, PreparedRequest request)
    {
        var headers = received.Content.Headers;
        if (!headers.NonValidated.TryGetValues("Content-Length", out var values)) return null;
        if (values.Count == 1)
        {
            string only = values.ToString();
            if (!only.Contains(',')) return headers.ContentLength;
        }
        long? agreed = null;
        bool conflict = false;
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long length)) return headers.ContentLength;
                conflict |= agreed is { } seen && seen != length;
                agreed = length;
            }
        }
        if (conflict)
        {
            throw new InvalidHeaderException(
                $"Content-Length contained multiple unmatching values ({string.Join(", ", values)}) for url: {request.DisplayUrl}", request);
        }
        return agreed;
    }
}
