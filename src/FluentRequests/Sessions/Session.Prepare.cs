namespace FluentRequests;

public sealed partial class Session
{
    /// <summary>
    /// Merges the session's settings into a request, as Requests' <c>Session.prepare_request</c>: headers,
    /// params and cookies merge by name (the request wins, a <c>null</c> value removes), request auth beats
    /// session auth, which beats <c>.netrc</c> (when <see cref="TrustEnv"/>), which beats credentials in the URL.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The request ready to send, as it will go on the wire.</returns>
    /// <exception cref="InvalidUrlException">The URL is invalid (or a subclass: no scheme, unsupported scheme).</exception>
    /// <exception cref="InvalidHeaderException">A header name or value is invalid.</exception>
    /// <exception cref="InvalidJsonException">The json body cannot be serialized.</exception>
    /// <exception cref="ArgumentException">An argument has an unsupported type.</exception>
    public PreparedRequest Prepare(FluentRequests.Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PrepareCore(request.Method, request.Url, request.Headers, request.Params, request.Data, request.Json, request.Files,
            request.Cookies, request.Auth, request.Hooks);
    }

    private PreparedRequest PrepareCore(string requestMethod, string requestUrl, object? requestHeaders, object? requestParams,
        object? data, object? json, Files? files, object? requestCookies, Auth? requestAuth, Hooks? hooks)
    {
        string method = PrepareMethod(requestMethod);
        string url = UrlPreparer.Prepare(ResolveAgainstBase(requestUrl), MergeParams(requestParams));
        var headers = MergeHeaders(requestHeaders);
        var prepared = new PreparedRequest(method, url, headers, null) { Hooks = hooks };
        prepared.RequestCookies = ToJar(requestCookies, prepared.Uri);

        if (!headers.ContainsKey("Cookie") && (prepared.RequestCookies is not null || !Cookies.IsEmpty))
        {
            CookieHeader.Set(headers, prepared.Uri, Cookies, prepared.RequestCookies);
        }

        prepared.BodySource = BodyEncoder.Encode(method, data, json, files, headers, JsonOptions);

        var auth = ChooseAuth(requestAuth, prepared.Uri);
        if (auth is not null)
        {
            auth.Apply(prepared);
            prepared.Auth = auth;
        }
        return prepared;
    }

    private static string PrepareMethod(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        foreach (char c in method)
        {
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c))
            {
                throw new ArgumentException($"Invalid HTTP method '{method}': a method is a token of letters, digits and !#$%&'*+-.^_`|~.", nameof(method));
            }
        }
        return method.ToUpperInvariant();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial System.Text.RegularExpressions.Regex SchemePrefixRegex();

    private static readonly System.Text.RegularExpressions.Regex SchemePrefix = SchemePrefixRegex();

    private string ResolveAgainstBase(string url)
    {
        if (BaseUrl is null) return url;
        string trimmed = url.TrimStart();
        if (SchemePrefix.IsMatch(trimmed)) return trimmed;
        return trimmed.Length == 0 ? BaseUrl : Flurl.Url.Combine(BaseUrl, trimmed);
    }

    private static Auth? AuthFromUrl(Uri uri)
    {
        // UserInfo is computed on every ask; a URL with userinfo always has an '@' in the text it was made from.
        if (!uri.OriginalString.Contains('@', StringComparison.Ordinal) || string.IsNullOrEmpty(uri.UserInfo)) return null;
        int colon = uri.UserInfo.IndexOf(':');
        string user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
        string password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        return new BasicAuth(user, password);
    }
}
