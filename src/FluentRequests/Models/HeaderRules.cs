namespace FluentRequests;

/// <summary>
/// Requests' <c>check_header_validity</c>: what a header name and value may hold, plus what .NET's HTTP stack can send
/// as given: a name is an RFC 9110 token, and a request header's value is ASCII.
/// </summary>
internal static class HeaderRules
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>Throws <see cref="InvalidHeaderException"/> when the header cannot be sent exactly as given.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <param name="asciiValue">
    /// Whether the value must be ASCII: true for request headers (HttpClient writes header values as ASCII and refuses
    /// anything else at send time), false for a multipart part's headers, which are written into the body as UTF-8.
    /// </param>
    public static void Validate(string name, string value, bool asciiValue = true)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || char.IsWhiteSpace(name[0]) || name.AsSpan().IndexOfAny(":\r\n\0") >= 0
            || name.AsSpan().IndexOfAny(" \t") >= 0)
        {
            throw new InvalidHeaderException(
                $"Invalid leading whitespace, reserved character(s), or return character(s) in header name: '{Escape(name)}'");
        }
        // HttpRequestMessage refuses a name that is not a token (TryAddWithoutValidation returns false), which would drop
        // the header without a word: say so now instead.
        int bad = FirstNonTokenChar(name);
        if (bad >= 0)
        {
            throw new InvalidHeaderException(
                $"Invalid header name '{Escape(name)}': it contains U+{(int)name[bad]:X4} at position {bad}; a header name is a token of "
                + $"letters, digits and {TokenSymbols} (RFC 9110).");
        }
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || value.AsSpan().IndexOfAny("\r\n\0") >= 0))
        {
            throw new InvalidHeaderException(
                $"Invalid leading whitespace, reserved character(s), or return character(s) in header value: '{Escape(value)}' (header '{Escape(name)}')");
        }
        if (asciiValue)
        {
            int nonAscii = value.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
            if (nonAscii >= 0)
            {
                throw new InvalidHeaderException(
                    $"Invalid value for header '{Escape(name)}': it contains the non-ASCII character U+{(int)value[nonAscii]:X4} at position {nonAscii}. "
                    + "Header values are sent as ASCII; percent-encode the value (e.g. Uri.EscapeDataString) or use the RFC 8187 form (title*=UTF-8''...).");
            }
        }
    }

    private static int FirstNonTokenChar(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(name[i]) && !TokenSymbols.Contains(name[i])) return i;
        }
        return -1;
    }

    private static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");
}
