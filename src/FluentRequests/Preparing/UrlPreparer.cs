using System.Globalization;
using System.Text;

namespace FluentRequests;

/// <summary>Requests' <c>PreparedRequest.prepare_url</c>: validate, IDNA-encode, append params, requote.</summary>
internal static class UrlPreparer
{
    private static readonly IdnMapping Idna = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    // Requests' requote_uri keeps these (and unreserved characters) as they are; '%' is kept so
    // existing escapes survive.
    private const string SafeChars = "!#$%&'()*+,/:;=?@[]~";

    public static string Prepare(string url, string? encodedParams)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(encodedParams) && IsAlreadyCanonical(url)) return url;
        url = url.TrimStart();
        int colon = url.IndexOf(':');
        if (colon <= 0 || !IsScheme(url.AsSpan(0, colon))
            || (colon + 1 < url.Length && char.IsDigit(url[colon + 1]) && !url.Contains("//", StringComparison.Ordinal)))
        {
            throw MissingScheme(url);
        }
        string scheme = url[..colon].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            throw new InvalidSchemaException($"The URL '{UrlRedaction.WithoutUserInfo(url)}' uses the scheme '{url[..colon]}'; only http and https "
                + "URLs can be sent.");
        }

        string rest = url[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': No host supplied");
        }
        rest = rest[2..];
        int authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        string authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        string tail = authorityEnd < 0 ? "" : rest[authorityEnd..];

        string userInfo = "";
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = authority[..(at + 1)];
            authority = authority[(at + 1)..];
        }
        var (host, port) = SplitHostPort(authority, url);
        host = PrepareHost(host, url);

        string fragment = "";
        int hash = tail.IndexOf('#');
        if (hash >= 0)
        {
            fragment = tail[hash..];
            tail = tail[..hash];
        }
        string query = "";
        int qmark = tail.IndexOf('?');
        if (qmark >= 0)
        {
            query = tail[(qmark + 1)..];
            tail = tail[..qmark];
        }
        string path = tail.Length == 0 ? "/" : tail;
        if (!string.IsNullOrEmpty(encodedParams))
        {
            query = query.Length > 0 ? query + "&" + encodedParams : encodedParams;
        }

        var sb = new StringBuilder(url.Length + (encodedParams?.Length ?? 0) + 8);
        sb.Append(scheme).Append("://");
        Requote(sb, userInfo);
        sb.Append(host);
        if (port is not null) sb.Append(':').Append(port);
        Requote(sb, path);
        if (query.Length > 0)
        {
            sb.Append('?');
            Requote(sb, query);
        }
        Requote(sb, fragment);
        string prepared = sb.ToString();
        // What is sent is a System.Uri: a URL it cannot parse (a host such as 'a:4&' left by a stray colon) is an
        // invalid URL here, not a UriFormatException when the request is built.
        if (!Uri.TryCreate(prepared, UriKind.Absolute, out _)) throw Unparseable(url, prepared);
        return prepared;
    }

    private static InvalidUrlException Unparseable(string url, string prepared)
    {
        try
        {
            _ = new Uri(prepared, UriKind.Absolute);
            return new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}'");
        }
        catch (UriFormatException e)
        {
            return new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': {e.Message}", innerException: e);
        }
    }

    /// <summary>
    /// Whether <see cref="Prepare"/> would return <paramref name="url"/> unchanged: lower-case http(s) scheme and
    /// host, a non-empty path, only characters that need no quoting and no escapes to normalise. Most URLs
    /// an application sends are like that; for them preparing allocates nothing.
    /// </summary>
    private static bool IsAlreadyCanonical(string url)
    {
        int authorityStart = url.StartsWith("http://", StringComparison.Ordinal) ? 7
            : url.StartsWith("https://", StringComparison.Ordinal) ? 8 : -1;
        if (authorityStart < 0) return false;
        int pathStart = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (pathStart < 0 || url[pathStart] != '/') return false;
        var authority = url.AsSpan(authorityStart, pathStart - authorityStart);
        int colon = authority.IndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        if (host.IsEmpty || host[0] is '.' or '*' || host.Contains("..", StringComparison.Ordinal)) return false;
        foreach (char c in host)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')) return false;
        }
        if (colon >= 0)
        {
            var port = authority[(colon + 1)..];
            if (port.IsEmpty || port.Length > 5) return false;
            foreach (char c in port)
            {
                if (!char.IsAsciiDigit(c)) return false;
            }
            if (int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture) > 65535) return false;
        }
        foreach (char c in url.AsSpan(pathStart))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~') && (c == '%' || !SafeChars.Contains(c))) return false;
        }
        return true;
    }

    /// <summary>
    /// Encodes pairs as <c>application/x-www-form-urlencoded</c> (space as '+'), as Python's <c>urlencode</c>: a string
    /// value as UTF-8, a <c>byte[]</c> value byte for byte.
    /// </summary>
    public static string EncodePairs(IEnumerable<KeyValuePair<string, object>> pairs)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(Flurl.Url.Encode(key, encodeSpaceAsPlus: true)).Append('=');
            if (value is byte[] bytes) AppendQuotedPlus(sb, bytes);
            else sb.Append(Flurl.Url.Encode((string)value, encodeSpaceAsPlus: true));
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>quote_plus</c> of raw bytes: unreserved characters as they are, space as '+', the rest %XX.</summary>
    private static void AppendQuotedPlus(StringBuilder sb, byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~') sb.Append((char)b);
            else if (b == (byte)' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The query string for a <c>params</c> argument: pairs encoded, or a raw string/bytes as given.</summary>
    public static string? EncodeParams(object? parameters) => parameters switch
    {
        null => null,
        string raw => raw,
        byte[] raw => Encoding.UTF8.GetString(raw),
        _ when Pairs.IsMappingLike(parameters) => EncodePairs(Pairs.Flatten(parameters, "params")),
        _ => throw Pairs.Unsupported(parameters, "params"),
    };

    /// <summary>Requests' MissingSchema, with the hint that fits: a path needs a base URL, a bare host needs a scheme.</summary>
    private static MissingSchemaException MissingScheme(string url)
        => url.Length == 0 || url[0] is '/' or '.' or '?' or '#'
            ? new MissingSchemaException(
                $"The URL '{UrlRedaction.WithoutUserInfo(url)}' is relative and there is no base URL to resolve it against: pass an absolute URL "
                + "(http:// or https://), or set Session.BaseUrl and send through that session.")
            : new MissingSchemaException($"The URL '{UrlRedaction.WithoutUserInfo(url)}' has no scheme (http:// or https://). Did you mean "
                + $"'https://{UrlRedaction.WithoutUserInfo(url)}'?");

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0])) return false;
        foreach (char c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return false;
        }
        return true;
    }

    private static (string Host, string? Port) SplitHostPort(string authority, string url)
    {
        string host = authority;
        string? port = null;
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']');
            if (close < 0) throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': unterminated IPv6 address");
            host = authority[..(close + 1)];
            if (close + 1 < authority.Length)
            {
                if (authority[close + 1] != ':') throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': unexpected "
                    + "characters after the IPv6 address");
                port = authority[(close + 2)..];
            }
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                host = authority[..colon];
                port = authority[(colon + 1)..];
            }
        }
        if (port is not null)
        {
            if (port.Length == 0) port = null;
            else if (!port.All(char.IsAsciiDigit) || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p > 65535)
            {
                throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': invalid port '{port}'");
            }
        }
        return (host, port);
    }

    private static string PrepareHost(string host, string url)
    {
        if (host.Length == 0) throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': No host supplied");
        if (host.StartsWith('[')) return host.ToLowerInvariant();
        if (!Ascii.IsValid(host))
        {
            try
            {
                return Idna.GetAscii(host).ToLowerInvariant();
            }
            catch (ArgumentException e)
            {
                throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': URL has an invalid label.", innerException: e);
            }
        }
        if (host[0] is '*' or '.' || host.Contains("..", StringComparison.Ordinal))
        {
            throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': URL has an invalid label.");
        }
        // A ':' left in the host ("a::" split at its last colon) would be read back as a port separator.
        if (host.AsSpan().IndexOfAny(" <>\"{}|\\^`%:") >= 0)
        {
            throw new InvalidUrlException($"Invalid URL '{UrlRedaction.WithoutUserInfo(url)}': invalid characters in host '{host}'");
        }
        return host.ToLowerInvariant();
    }

    /// <summary>Requests' <c>requote_uri</c>: unquote unreserved escapes, then quote what is not safe, keeping valid escapes.</summary>
    private static void Requote(StringBuilder sb, string part)
    {
        for (int i = 0; i < part.Length; i++)
        {
            char c = part[i];
            if (c == '%')
            {
                if (i + 2 < part.Length && Uri.IsHexDigit(part[i + 1]) && Uri.IsHexDigit(part[i + 2]))
                {
                    char decoded = (char)Convert.ToInt32(part.Substring(i + 1, 2), 16);
                    if (char.IsAsciiLetterOrDigit(decoded) || decoded is '-' or '.' or '_' or '~') sb.Append(decoded);
                    else sb.Append(part, i, 3);
                    i += 2;
                }
                else
                {
                    sb.Append("%25");
                }
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' || SafeChars.Contains(c))
            {
                sb.Append(c);
            }
            else
            {
                int len = char.IsSurrogatePair(part, i) ? 2 : 1;
                foreach (byte b in Encoding.UTF8.GetBytes(part.Substring(i, len))) sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                i += len - 1;
            }
        }
    }
}
