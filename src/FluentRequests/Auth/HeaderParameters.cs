namespace FluentRequests;

/// <summary>Parses <c>name=value, name="quoted value"</c> lists, as in a WWW-Authenticate challenge (DigestAuth).</summary>
internal static class HeaderParameters
{
    public static List<(string Name, string Value)> Parse(ReadOnlySpan<char> text, char separator = ',')
    {
        var result = new List<(string, string)>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == separator || char.IsWhiteSpace(text[i]))) i++;
            int nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != separator) i++;
            string name = text[nameStart..i].Trim().ToString();
            string value = "";
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    var sb = new System.Text.StringBuilder();
                    while (i < text.Length && text[i] != '"')
                    {
                        if (text[i] == '\\' && i + 1 < text.Length) i++;
                        sb.Append(text[i++]);
                    }
                    i++;
                    value = sb.ToString();
                }
                else
                {
                    int valueStart = i;
                    while (i < text.Length && text[i] != separator) i++;
                    value = text[valueStart..i].Trim().ToString();
                }
            }
            if (name.Length > 0) result.Add((name, value));
        }
        return result;
    }
}
