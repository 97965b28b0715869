namespace FluentRequests;

/// <summary>Requests' <c>parse_header_links</c>.</summary>
internal static class LinkHeader
{
    private static readonly char[] Trim = [' ', '\'', '"'];
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> None =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parse(string? header)
    {
        if (header is null) return None;
        string value = header.Trim(Trim);
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (value.Length == 0) return result;
        foreach (var entry in System.Text.RegularExpressions.Regex.Split(value, ", *<"))
        {
            int semi = entry.IndexOf(';');
            string url = semi < 0 ? entry : entry[..semi];
            string parameters = semi < 0 ? "" : entry[(semi + 1)..];
            var link = new Dictionary<string, string> { ["url"] = url.Trim('<', '>', ' ', '\'', '"') };
            foreach (var param in parameters.Split(';'))
            {
                var kv = param.Split('=');
                if (kv.Length != 2) break;
                link[kv[0].Trim(Trim)] = kv[1].Trim(Trim);
            }
            result[link.TryGetValue("rel", out var rel) ? rel : link["url"]] = link;
        }
        return result;
    }
}
