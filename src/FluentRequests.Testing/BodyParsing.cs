using System.Text;

namespace FluentRequests.Testing;

/// <summary>Reads <c>application/x-www-form-urlencoded</c> text (a query string or a form body).</summary>
internal static class FormEncoding
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        if (text.Length == 0) return [];
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            string name = eq < 0 ? pair : pair[..eq];
            string value = eq < 0 ? "" : pair[(eq + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }
        return pairs;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}

/// <summary>Splits a <c>multipart/form-data</c> body into its parts (RFC 7578), as a server's form reader would.</summary>
internal static class Multipart
{
    public static IReadOnlyList<RecordedPart> Parse(byte[] body, string? contentType)
    {
        if (contentType is null || !contentType.TrimStart().StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) return [];
        string? boundary = contentType.Split(';').Skip(1)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(kv => kv.Length == 2 && kv[0].Equals("boundary", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1].Trim('"'))
            .FirstOrDefault();
        if (string.IsNullOrEmpty(boundary)) return [];
        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<RecordedPart>();
        var span = body.AsSpan();
        int at = span.IndexOf(delimiter);
        while (at >= 0)
        {
            int start = at + delimiter.Length;
            if (span[start..].StartsWith("--"u8)) break;
            start += span[start..].StartsWith("\r\n"u8) ? 2 : 0;
            int next = span[start..].IndexOf(delimiter);
            if (next < 0) break;
            // The CRLF before a delimiter belongs to the delimiter.
            int end = start + next;
            if (end - start >= 2 && span[end - 2] == '\r' && span[end - 1] == '\n') end -= 2;
            parts.Add(ParsePart(span[start..end]));
            at = start + next;
        }
        return parts;
    }

    private static RecordedPart ParsePart(ReadOnlySpan<byte> part)
    {
        int split = part.IndexOf("\r\n\r\n"u8);
        string head = split < 0 ? "" : Encoding.UTF8.GetString(part[..split]);
        byte[] content = split < 0 ? part.ToArray() : part[(split + 4)..].ToArray();
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        string? disposition = headers.FirstOrDefault(h => h.Key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase)).Value;
        return new RecordedPart(DispositionParameter(disposition, "name"), DispositionParameter(disposition, "filename"), headers, content);
    }

    private static string? DispositionParameter(string? disposition, string name)
    {
        if (disposition is null) return null;
        foreach (var parameter in disposition.Split(';', StringSplitOptions.TrimEntries))
        {
            int eq = parameter.IndexOf('=');
            if (eq < 0 || !parameter[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            string value = parameter[(eq + 1)..].Trim();
            return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"") : value;
        }
        return null;
    }
}
