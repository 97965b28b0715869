namespace FluentRequests;

/// <summary>
/// A URL as telemetry and logs may show it: never the userinfo (<c>user:password@</c>) nor the fragment, and by default
/// no query values, in .NET's own format (System.Net.Http's <c>url.full</c>): the whole query becomes <c>*</c>, as in
/// <c>https://example.com/search?*</c>; an empty query stays <c>?</c>; a default port is left out.
/// </summary>
internal static class UrlRedaction
{
    /// <param name="uri">An absolute URL; a relative one is shown as <c>*</c>, since its userinfo cannot be told apart.</param>
    /// <param name="showQueryValues">Keep the query as sent (credentials in it included) instead of <c>*</c>.</param>
    public static string Redact(Uri uri, bool showQueryValues = false)
    {
        if (!uri.IsAbsoluteUri) return "*";
        string pathAndQuery = uri.PathAndQuery;
        int query = pathAndQuery.IndexOf('?');
        ReadOnlySpan<char> shown = !showQueryValues && query >= 0 && query < pathAndQuery.Length - 1
            ? string.Concat(pathAndQuery.AsSpan(0, query + 1), "*")
            : pathAndQuery;
        return uri.IsDefaultPort
            ? string.Concat(uri.Scheme, "://", uri.Host, shown)
            : $"{uri.Scheme}://{uri.Host}:{uri.Port}{shown}";
    }

    /// <summary>
    /// <paramref name="url"/> as an exception message may show it: the same text without its userinfo
    /// (<c>user:password@</c>), which Requests' own messages leave in. Works on any text with a <c>scheme://</c>,
    /// parsable or not, since an invalid URL is named in its error too; the query is kept, as it names what was asked for.
    /// </summary>
    public static string WithoutUserInfo(string url)
    {
        // Only a URL with an authority ("scheme://") has userinfo: "mailto:a@b" has none to remove.
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return url;
        int start = scheme + 3;
        int end = url.AsSpan(start).IndexOfAny('/', '?', '#');
        end = end < 0 ? url.Length : start + end;
        int at = url.AsSpan(start, end - start).LastIndexOf('@');
        return at < 0 ? url : string.Concat(url.AsSpan(0, start), url.AsSpan(start + at + 1));
    }
}
