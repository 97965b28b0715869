namespace FluentRequests;

/// <summary>
/// Decodes a body by its Content-Encoding (gzip, deflate, br; unknown codings are left as they are, as urllib3
/// does). Done here rather than by the handler's automatic decompression because the handler rewrites the
/// request's Accept-Encoding (a user's <c>identity</c> becomes <c>identity, gzip, deflate, br</c>) and hides
/// Content-Encoding from the response; Requests does neither.
/// </summary>
internal static class ContentDecoding
{
    /// <summary>The codings of a response, in the order they were applied, or <c>null</c> when there are none to undo.</summary>
    public static List<string>? Codings(HttpResponseMessage response)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Encoding", out var values)) return null;
        List<string>? codings = null;
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string coding = part.ToLowerInvariant();
                if (coding is "identity") continue;
                (codings ??= new List<string>()).Add(coding);
            }
        }
        return codings;
    }

    public static Stream Decode(Stream body, List<string>? codings)
    {
        if (codings is null) return body;
        for (int i = codings.Count - 1; i >= 0; i--)
        {
            body = codings[i] switch
            {
                "gzip" or "x-gzip" => ZLibDecodingStream.Gzip(body),
                "deflate" => ZLibDecodingStream.Deflate(body),
                "br" => new BrotliDecodingStream(body),
                _ => body,
            };
        }
        return body;
    }
}
