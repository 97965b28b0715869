namespace FluentRequests;

/// <summary>
/// What a cookie may hold to go into a <c>Cookie</c> header without changing its meaning. Names are RFC 7230
/// tokens; values are printable ASCII except <c>;</c>. That is RFC 6265's cookie-octets plus the space, comma,
/// double quote and backslash that Requests sends as given: none of them can end a cookie or a header line. Python
/// servers read them back unchanged; ASP.NET Core's cookie parser drops a cookie whose value holds one (or is empty).
/// </summary>
internal static class CookieSyntax
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    public static bool IsName(string name)
    {
        if (name.Length == 0) return false;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !TokenSymbols.Contains(c)) return false;
        }
        return true;
    }

    public static bool IsValue(string value) => FirstInvalidValueChar(value) < 0;

    public static bool IsSendable(string name, string value) => IsName(name) && IsValue(value);

    /// <summary>Throws when a cookie given by the caller cannot be sent as it is; the message names the cookie, never its value.</summary>
    /// <exception cref="ArgumentException">The name is not a token, or the value holds a control character, <c>;</c> or non-ASCII.</exception>
    public static void Validate(string name, string value, string nameParam, string valueParam)
    {
        ArgumentNullException.ThrowIfNull(name, nameParam);
        ArgumentNullException.ThrowIfNull(value, valueParam);
        if (!IsName(name))
        {
            throw new ArgumentException(
                $"Invalid cookie name '{Printable(name)}': a cookie name is a token of letters, digits and !#$%&'*+-.^_`|~ (RFC 6265).", nameParam);
        }
        int at = FirstInvalidValueChar(value);
        if (at >= 0)
        {
            throw new ArgumentException(
                $"Invalid value for cookie '{name}': it contains {Describe(value[at])} at position {at}. A cookie value holds printable "
                + "ASCII except ';' (RFC 6265); percent-encode anything else, e.g. with Uri.EscapeDataString.", valueParam);
        }
    }

    private static int FirstInvalidValueChar(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < ' ' || c > '~' || c == ';') return i;
        }
        return -1;
    }

    private static string Describe(char c) => c switch
    {
        '\r' => "a carriage return (CR)",
        '\n' => "a line feed (LF)",
        '\t' => "a tab",
        ';' => "';', which would end the cookie",
        < ' ' or '\u007F' => $"the control character U+{(int)c:X4}",
        _ => $"the non-ASCII character U+{(int)c:X4}",
    };

    private static string Printable(string s)
    {
        var chars = s.Select(c => c < ' ' || c == '\u007F' ? '?' : c).ToArray();
        return new string(chars);
    }
}
