namespace FluentRequests.Testing;

/// <summary>Matches text against a pattern where <c>*</c> stands for any run of characters (none included); ordinal, whole text.</summary>
internal static class Wildcard
{
    public static bool IsMatch(string text, string pattern, StringComparison comparison = StringComparison.Ordinal)
    {
        if (!pattern.Contains('*')) return text.Equals(pattern, comparison);
        var pieces = pattern.Split('*');
        if (!text.StartsWith(pieces[0], comparison)) return false;
        int at = pieces[0].Length;
        for (int i = 1; i < pieces.Length - 1; i++)
        {
            int found = text.IndexOf(pieces[i], at, comparison);
            if (found < 0) return false;
            at = found + pieces[i].Length;
        }
        string last = pieces[^1];
        return text.Length - at >= last.Length && text.EndsWith(last, comparison);
    }
}
