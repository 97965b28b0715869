using System.Text;

namespace FluentRequests;

/// <summary>
/// Requests' <c>resolve_redirects</c>, one hop at a time: where the next request goes, with which method,
/// body, cookies, Authorization and Proxy-Authorization.
/// </summary>
internal static class RedirectResolver
{
    /// <summary>The request to send for a redirect response (which must satisfy <see cref="Response.IsRedirect"/>).</summary>
    public static PreparedRequest NextRequest(Response response, SendOptions options)
    {
        var previous = response.Request;
        string target = RedecodeLocation(response.Headers["Location"]!);
        string previousFragment = previous.Uri.Fragment;

        if (target.StartsWith("//", StringComparison.Ordinal)) target = previous.Uri.Scheme + ":" + target;
        int hash = target.IndexOf('#');
        if (hash < 0 && previousFragment.Length > 0) target += previousFragment;

        string absolute;
        if (HasScheme(target))
        {
            absolute = target;
        }
        else if (Uri.TryCreate(previous.Uri, target, out var resolved))
        {
            absolute = resolved.AbsoluteUri;
        }
        else
        {
            throw new InvalidUrlException($"Invalid redirect Location '{target}' from {previous.DisplayUrl}.", previous, response);
        }
        string url = UrlPreparer.Prepare(absolute, null);

        var next = previous.Copy();
        next.Url = url;
        if (!options.AllowHttpsToHttpRedirects && previous.Uri.Scheme == Uri.UriSchemeHttps && next.Uri.Scheme == Uri.UriSchemeHttp)
        {
            throw new RequestException(
                $"Refusing to follow the redirect from {previous.DisplayUrl} to the insecure {UrlRedaction.WithoutUserInfo(url)} "
                    + "(Session.AllowHttpsToHttpRedirects is false).", previous, response);
        }

        next.Method = RebuildMethod(previous.Method, response.StatusCode);
        if (response.StatusCode is not (307 or 308))
        {
            next.Headers.Remove("Content-Length");
            next.Headers.Remove("Content-Type");
            next.Headers.Remove("Transfer-Encoding");
            next.BodySource = null;
        }

        // The Cookie header is rebuilt for the new URL from the jars; a hand-set one is not forwarded.
        next.Headers.Remove("Cookie");
        if (response.SetCookieHeaders.Count > 0)
        {
            next.RequestCookies ??= new CookieJar();
            next.RequestCookies.StoreResponseCookies(previous.Uri, response.SetCookieHeaders);
        }
        // As Requests' merge_cookies on a redirect: the session's jar wins a name clash with the call's cookies.
        CookieHeader.Set(next.Headers, next.Uri, next.RequestCookies, options.SessionCookies);

        if (next.Headers.ContainsKey("Authorization") && ShouldStripAuth(previous.Uri, next.Uri))
        {
            next.Headers.Remove("Authorization");
        }
        if ((next.Auth is not null || options.Netrc is not null) && ShouldStripAuth(previous.Uri, next.Uri))
        {
            // The auth stays with its origin: its hooks must not sign for, or answer a challenge from, another one.
            // The new host may have its own .netrc entry (Requests' rebuild_auth).
            next.Auth = options.Netrc?.AuthFor(next.Uri);
            next.Auth?.Apply(next);
        }
        // A proxy credential, whether hand-set or from the proxy URL, is rebuilt from the proxy configured for the new URL.
        ProxyAuthorization.Rebuild(next, options);

        if (next.BodySource is not null && !next.TryRewindBody())
        {
            throw new UnrewindableBodyException(
                $"Unable to rewind the request body to follow the {response.StatusCode} redirect to {UrlRedaction.WithoutUserInfo(url)}: the stream "
                    + "cannot seek.", next, response);
        }
        return next;
    }

    /// <summary>Requests' <c>rebuild_method</c>.</summary>
    public static string RebuildMethod(string method, int status) => status switch
    {
        303 when method != "HEAD" => "GET",
        302 when method != "HEAD" => "GET",
        301 when method == "POST" => "GET",
        _ => method,
    };

    /// <summary>Requests' <c>should_strip_auth</c>: strip on a host change, or a scheme/port change other than http to https on default ports.</summary>
    public static bool ShouldStripAuth(Uri from, Uri to)
    {
        if (!string.Equals(from.Host, to.Host, StringComparison.OrdinalIgnoreCase)) return true;
        int? fromPort = from.IsDefaultPort ? null : from.Port;
        int? toPort = to.IsDefaultPort ? null : to.Port;
        if (from.Scheme == "http" && fromPort is null && to.Scheme == "https" && toPort is null) return false;
        bool changedPort = fromPort != toPort;
        bool changedScheme = from.Scheme != to.Scheme;
        if (!changedScheme && fromPort is null && toPort is null) return false;
        return changedPort || changedScheme;
    }

    /// <summary>
    /// Headers arrive decoded as Latin-1; a server that sent a UTF-8 Location gets it back as UTF-8, as
    /// Requests' <c>get_redirect_target</c> does.
    /// </summary>
    private static string RedecodeLocation(string location)
    {
        if (Ascii.IsValid(location) || location.Any(c => c > '\u00FF')) return location;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Encoding.Latin1.GetBytes(location));
        }
        catch (DecoderFallbackException)
        {
            return location;
        }
    }

    private static bool HasScheme(string url)
    {
        int colon = url.IndexOf(':');
        if (colon <= 0) return false;
        for (int i = 0; i < colon; i++)
        {
            char c = url[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        }
        return char.IsAsciiLetter(url[0]);
    }
}
