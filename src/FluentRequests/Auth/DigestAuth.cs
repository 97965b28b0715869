using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FluentRequests;

/// <summary>
/// HTTP Digest authentication (RFC 7616, Requests' <c>HTTPDigestAuth</c>): the first request goes out
/// unsigned; a 401 with a <c>Digest</c> challenge is answered once with a signed request (its body rewound),
/// and later requests with the same instance are signed pre-emptively with the remembered nonce — a server that
/// rejects that nonce as stale gets its new challenge answered. Every request sent is signed afresh with the next
/// nonce count (retries and redirect hops included), just before it is sent, so <see cref="Session.Prepare"/>'s
/// result carries no Digest header. Algorithms: MD5, SHA (SHA-1), SHA-256 and SHA-512, each also in its
/// <c>-sess</c> form, with <c>qop=auth</c> or without a qop. One instance is safe to share between threads.
/// </summary>
public sealed class DigestAuth : Auth
{
    private readonly object _gate = new();

    // The answers this instance sent, so a 401 to an answer is final (one answer per request, as Requests'
    // num_401_calls): per-call state kept by the auth, not on PreparedRequest. A copy (a redirect hop) is not in it,
    // so each hop may be answered again. Weak: an answer is forgotten with its request.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<PreparedRequest, object> _answers = new();
    private DigestChallenge? _challenge;
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

    /// <summary>Makes the client nonce; a test replaces it to check the RFC's example values.</summary>
    internal Func<string> CnonceFactory { get; init; } = NewCnonce;

    /// <summary>Does nothing: Digest signs each request just before it is sent (<see cref="BeforeSend"/>).</summary>
    /// <param name="request">The request.</param>
    public override void Apply(PreparedRequest request)
    {
    }

    /// <summary>Signs the request with the last challenge received, if any, and the next nonce count.</summary>
    /// <param name="request">The request about to be sent.</param>
    public override void BeforeSend(PreparedRequest request)
    {
        string? header = null;
        lock (_gate)
        {
            if (_challenge is not null)
            {
                header = BuildHeader(_challenge, request.Method, request.PathUrl);
            }
        }
        if (header is not null)
        {
            request.Headers["Authorization"] = header;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="RequestException">The challenge names an algorithm or qop that cannot be answered.</exception>
    public override PreparedRequest? HandleResponse(Response response)
    {
        string? header = response.Headers["WWW-Authenticate"];
        if (response.StatusCode != 401 || header is null || !header.Contains("digest", StringComparison.OrdinalIgnoreCase)
            || _answers.TryGetValue(response.Request, out _))
        {
            return null;
        }
        var challenge = DigestChallenge.Parse(header, response);
        var next = response.Request.Copy();
        if (!next.TryRewindBody())
        {
            return null;
        }
        lock (_gate)
        {
            _challenge = challenge;
        }
        _answers.AddOrUpdate(next, next);
        CookieHeader.AddResponseCookies(next, response);
        return next;
    }

    private string BuildHeader(DigestChallenge challenge, string method, string uri)
    {
        _nonceCount = challenge.Nonce == _lastNonce ? _nonceCount + 1 : 1;
        _lastNonce = challenge.Nonce;
        string nc = _nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        string cnonce = CnonceFactory();
        string response = challenge.Response(User, Password, method, uri, nc, cnonce);

        var sb = new StringBuilder();
        sb.Append($"Digest username=\"{User}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", response=\"{response}\"");
        if (challenge.Opaque is not null) sb.Append($", opaque=\"{challenge.Opaque}\"");
        if (challenge.Algorithm is not null) sb.Append($", algorithm=\"{challenge.Algorithm}\"");
        if (challenge.QopAuth) sb.Append($", qop=\"auth\", nc={nc}, cnonce=\"{cnonce}\"");
        return sb.ToString();
    }

    private static string NewCnonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
