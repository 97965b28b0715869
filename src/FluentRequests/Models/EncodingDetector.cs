using System.Text;

namespace FluentRequests;

/// <summary>
/// Charset rules: Requests' <c>get_encoding_from_headers</c> for the declared encoding, and a bounded
/// <c>apparent_encoding</c> that looks at no more than <see cref="ProbeBytes"/> bytes.
/// </summary>
internal static class EncodingDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> examines: detection never costs more than this, whatever the body size.</summary>
    public const int ProbeBytes = 64 * 1024;

    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string? FromHeaders(string? contentType)
    {
        if (contentType is null) return null;
        var parts = contentType.Split(';');
        foreach (var part in parts.Skip(1))
        {
            int eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('\'', '"');
            }
        }
        string mediaType = parts[0].Trim();
        if (mediaType.Contains("text", StringComparison.OrdinalIgnoreCase)) return "ISO-8859-1";
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) return "utf-8";
        return null;
    }

    /// <summary>BOM, then UTF-8 validity of the first <see cref="ProbeBytes"/> (pure ASCII says <c>ascii</c>), else <c>windows-1252</c>.</summary>
    public static string Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return "utf-8-sig";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return "utf-16";
        var probe = content.Length > ProbeBytes ? content[..ProbeBytes] : content;
        if (Ascii.IsValid(probe)) return "ascii";
        if (content.Length > ProbeBytes)
        {
            // Do not judge a multi-byte sequence cut by the probe's end.
            int cut = probe.Length;
            while (cut > probe.Length - 4 && (probe[cut - 1] & 0xC0) == 0x80) cut--;
            if (cut > 0 && probe[cut - 1] >= 0xC0) cut--;
            probe = probe[..cut];
        }
        return System.Text.Unicode.Utf8.IsValid(probe) ? "utf-8" : "windows-1252";
    }

    /// <summary>
    /// The .NET encoding for a charset name; unknown names fall back to UTF-8 (decoding replaces bad bytes, as
    /// Requests' <c>errors="replace"</c>).
    /// </summary>
    public static Encoding Resolve(string? name)
    {
        if (name is null) return Encoding.UTF8;
        switch (name.ToLowerInvariant())
        {
            case "utf-8-sig" or "utf8-sig": return Utf8NoBomText.Instance;
            case "utf-8" or "utf8": return Encoding.UTF8;
            case "ascii" or "us-ascii": return Encoding.UTF8; // a superset that never fails on stray bytes
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>Decodes text, skipping a UTF-8 BOM when the encoding is <c>utf-8-sig</c> or was detected.</summary>
    public static string Decode(byte[] content, string? name)
    {
        var encoding = Resolve(name);
        ReadOnlySpan<byte> bytes = content;
        if (ReferenceEquals(encoding, Utf8NoBomText.Instance) && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return encoding.GetString(bytes);
    }

    private static class Utf8NoBomText
    {
        public static readonly Encoding Instance = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}
