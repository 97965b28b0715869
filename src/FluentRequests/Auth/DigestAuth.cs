using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FluentRequests;

/// <summary>
/// HTTP Digest authentication (RFC 7616, Requests' <c>HTTPDigestAuth</c>): the first request goes out
/// unsigned; a 401 with a <c>Digest</c> challenge is answered once with a signed request, and later
/// requests with the same instance sign pre-emptively with the remembered nonce.
/// Supports MD5, MD5-sess, SHA, SHA-256 and SHA-512, with and without <c>qop=auth</c>.
/// </summary>
public sealed class DigestAuth : Auth
{
    private readonly object _gate = new();
    private Dictionary<string, string>? _challenge;
    private string _lastNonce = "";
    private int _nonceCount;

    /// <summary>Creates Digest authentication.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    public DigestAuth(string user, string password)
    {
        User = user ?? throw new ArgumentNullException(nameof(user));
        Password = password ?? throw new ArgumentNullException(nameof(password));
    }

    /// <summary>The user name.</summary>
    public string User { get; }

    /// <summary>The password.</summary>
    public string Password { get; }

    /// <inheritdoc/>
    public override void Apply(PreparedRequest request)
    {
        string? header = null;
        lock (_gate)
        {
            if (_challenge is not null && _lastNonce.Length > 0)
            {
                header = BuildHeader(request.Method, request.PathUrl);
            }
        }
        if (header is not null)
        {
            request.Headers["Authorization"] = header;
        }
        request.DigestChallengesAnswered = 0;
    }

    /// <inheritdoc/>
    public override PreparedRequest? HandleResponse(Response response)
    {
        string? challenge = response.Headers["WWW-Authenticate"];
        if (response.StatusCode != 401 || challenge is null || !challenge.Contains("digest", StringComparison.OrdinalIgnoreCase)
            || response.Request.DigestChallengesAnswered >= 1)
        {
            return null;
        }
        var next = response.Request.Copy();
        if (!next.TryRewindBody())
        {
            return null;
        }
        string header;
        lock (_gate)
        {
            _challenge = ParseChallenge(challenge);
            header = BuildHeader(next.Method, next.PathUrl);
        }
        next.Headers["Authorization"] = header;
        next.DigestChallengesAnswered = response.Request.DigestChallengesAnswered + 1;
        next.AddResponseCookies(response);
        return next;
    }

    private static Dictionary<string, string> ParseChallenge(string header)
    {
        int start = header.IndexOf("digest", StringComparison.OrdinalIgnoreCase) + "digest".Length;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in HeaderParameters.Parse(header.AsSpan(start)))
        {
            values[name] = value;
        }
        return values;
    }

    private string BuildHeader(string method, string pathUrl)
    {
        var c = _challenge!;
        string realm = c.GetValueOrDefault("realm", "");
        string nonce = c.GetValueOrDefault("nonce", "");
        string? qop = c.GetValueOrDefault("qop");
        string? opaque = c.GetValueOrDefault("opaque");
        string algorithm = c.GetValueOrDefault("algorithm", "MD5").ToUpperInvariant();

        Func<string, string> hash = algorithm switch
        {
            "MD5" or "MD5-SESS" => s => Hex(MD5.HashData(Encoding.UTF8.GetBytes(s))),
            "SHA" => s => Hex(SHA1.HashData(Encoding.UTF8.GetBytes(s))),
            "SHA-256" => s => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(s))),
            "SHA-512" => s => Hex(SHA512.HashData(Encoding.UTF8.GetBytes(s))),
            _ => throw new RequestException($"Unsupported Digest algorithm '{algorithm}' in the server's challenge."),
        };

        string ha1 = hash($"{User}:{realm}:{Password}");
        string ha2 = hash($"{method}:{pathUrl}");
        _nonceCount = nonce == _lastNonce ? _nonceCount + 1 : 1;
        _lastNonce = nonce;
        string nc = _nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        string cnonce = Hex(SHA1.HashData(Encoding.UTF8.GetBytes(
            nc + nonce + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)))))[..16];
        if (algorithm == "MD5-SESS")
        {
            ha1 = hash($"{ha1}:{nonce}:{cnonce}");
        }

        bool qopAuth = qop is not null && qop.Split(',').Any(q => q.Trim() == "auth");
        if (qop is not null && !qopAuth)
        {
            throw new RequestException($"Unsupported Digest qop '{qop}' in the server's challenge (only 'auth' is supported).");
        }
        string response = qopAuth
            ? hash($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
            : hash($"{ha1}:{nonce}:{ha2}");

        var sb = new StringBuilder();
        sb.Append($"Digest username=\"{User}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{pathUrl}\", response=\"{response}\"");
        if (opaque is not null) sb.Append($", opaque=\"{opaque}\"");
        if (c.ContainsKey("algorithm")) sb.Append($", algorithm=\"{c["algorithm"]}\"");
        if (qopAuth) sb.Append($", qop=\"auth\", nc={nc}, cnonce=\"{cnonce}\"");
        return sb.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
