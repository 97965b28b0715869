namespace FluentRequests;

/// <summary>Requests' <c>check_header_validity</c>: what a header name and value may hold.</summary>
internal static class HeaderRules
{
    public static void Validate(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || char.IsWhiteSpace(name[0]) || name.AsSpan().IndexOfAny(":\r\n\0") >= 0
            || name.AsSpan().IndexOfAny(" \t") >= 0)
        {
            throw new InvalidHeaderException(
                $"Invalid leading whitespace, reserved character(s), or return character(s) in header name: '{Escape(name)}'");
        }
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || value.AsSpan().IndexOfAny("\r\n\0") >= 0))
        {
            throw new InvalidHeaderException(
                $"Invalid leading whitespace, reserved character(s), or return character(s) in header value: '{Escape(value)}' (header '{Escape(name)}')");
        }
    }

    private static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");
}
