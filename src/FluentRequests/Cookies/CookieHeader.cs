using System.Text;

namespace FluentRequests;

/// <summary>
/// The one place the <c>Cookie</c> request header is built: for a new request (from the session's jar and the call's
/// cookies), for a redirect hop, and for an auth's answer to a challenge. Jars hold only cookies that passed
/// <see cref="CookieSyntax"/>, so what is joined here cannot break the header.
/// </summary>
internal static class CookieHeader
{
    /// <summary>
    /// Sets <paramref name="headers"/>' Cookie header to the cookies of <paramref name="first"/> then
    /// <paramref name="second"/> that apply to <paramref name="uri"/>, the second winning a name clash; leaves the
    /// headers alone when none applies.
    /// </summary>
    public static void Set(HeaderCollection headers, Uri uri, CookieJar? first, CookieJar? second)
    {
        if (first is null && second is null) return;
        var cookies = new Dictionary<string, string>();
        first?.CollectFor(uri, cookies);
        second?.CollectFor(uri, cookies);
        if (cookies.Count > 0) headers.SetUnchecked("Cookie", Join(cookies));
    }

    /// <summary>
    /// Adds the Set-Cookie of <paramref name="response"/> to <paramref name="request"/>'s Cookie header, as Requests'
    /// auth handlers do when resending: a name already in the header is replaced, not repeated.
    /// </summary>
    public static void AddResponseCookies(PreparedRequest request, Response response)
    {
        if (response.SetCookieHeaders.Count == 0) return;
        var cookies = new Dictionary<string, string>();
        foreach (var pair in (request.Headers["Cookie"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq > 0) cookies[pair[..eq]] = pair[(eq + 1)..];
        }
        response.Cookies.CollectFor(request.Uri, cookies);
        if (cookies.Count > 0) request.Headers.SetUnchecked("Cookie", Join(cookies));
    }

    private static string Join(Dictionary<string, string> cookies)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in cookies)
        {
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(name).Append('=').Append(value);
        }
        return sb.ToString();
    }
}
