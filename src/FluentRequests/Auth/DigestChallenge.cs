using System.Security.Cryptography;
using System.Text;

namespace FluentRequests;

/// <summary>
/// A server's Digest challenge (the parameters of <c>WWW-Authenticate: Digest …</c>), checked when it arrives,
/// and the response computation of RFC 7616 §3.4.1 for it.
/// </summary>
internal sealed class DigestChallenge
{
    private readonly Func<byte[], byte[]> _hash;

    private DigestChallenge(string realm, string nonce, string? opaque, string? algorithm, bool qopAuth, bool session, Func<byte[], byte[]> hash)
    {
        Realm = realm;
        Nonce = nonce;
        Opaque = opaque;
        Algorithm = algorithm;
        QopAuth = qopAuth;
        IsSession = session;
        _hash = hash;
    }

    public string Realm { get; }

    public string Nonce { get; }

    public string? Opaque { get; }

    /// <summary>The algorithm as the server spelled it, echoed back; <c>null</c> when it named none (MD5).</summary>
    public string? Algorithm { get; }

    /// <summary>Whether the server offered <c>qop=auth</c>; without a qop the RFC 2069 form is used.</summary>
    public bool QopAuth { get; }

    /// <summary>A <c>-sess</c> algorithm: HA1 also hashes the nonce and cnonce.</summary>
    public bool IsSession { get; }

    /// <summary>Parses the Digest challenge in a WWW-Authenticate value.</summary>
    /// <exception cref="RequestException">The challenge names an algorithm or a qop this library cannot answer.</exception>
    public static DigestChallenge Parse(string header, Response? response = null)
    {
        int digest = header.IndexOf("digest", StringComparison.OrdinalIgnoreCase);
        int start = digest < 0 ? header.Length : digest + "digest".Length;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in HeaderParameters.Parse(header.AsSpan(start)))
        {
            values[name] = value;
        }
        string? algorithm = values.GetValueOrDefault("algorithm");
        string upper = (algorithm ?? "MD5").ToUpperInvariant();
        bool session = upper.EndsWith("-SESS", StringComparison.Ordinal);
        Func<byte[], byte[]> hash = (session ? upper[..^"-SESS".Length] : upper) switch
        {
            "MD5" => MD5.HashData,
            "SHA" => SHA1.HashData,
            "SHA-256" => SHA256.HashData,
            "SHA-512" => SHA512.HashData,
            _ => throw new RequestException(
                $"Unsupported Digest algorithm '{algorithm}' in the server's challenge (supported: MD5, SHA, SHA-256, SHA-512 and their -sess forms).",
                response?.Request, response),
        };
        string? qop = values.GetValueOrDefault("qop");
        bool qopAuth = qop is not null && qop.Split(',').Any(q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase));
        if (qop is not null && !qopAuth)
        {
            throw new RequestException($"Unsupported Digest qop '{qop}' in the server's challenge (only 'auth' is supported).", response?.Request, response);
        }
        if (session && !qopAuth)
        {
            // The -sess forms hash the client nonce, which is sent only with a qop (RFC 7616 §3.4).
            throw new RequestException(
                $"Unsupported Digest challenge: algorithm '{algorithm}' without a qop (a -sess algorithm needs qop=auth).",
                response?.Request, response);
        }
        return new DigestChallenge(values.GetValueOrDefault("realm", ""), values.GetValueOrDefault("nonce", ""), values.GetValueOrDefault("opaque"),
            algorithm, qopAuth, session, hash);
    }

    /// <summary>The <c>response</c> value: KD(HA1, nonce:nc:cnonce:auth:HA2), or KD(HA1, nonce:HA2) without a qop.</summary>
    public string Response(string user, string password, string method, string uri, string nc, string cnonce)
    {
        string ha1 = Hash($"{user}:{Realm}:{password}");
        if (IsSession) ha1 = Hash($"{ha1}:{Nonce}:{cnonce}");
        string ha2 = Hash($"{method}:{uri}");
        return QopAuth ? Hash($"{ha1}:{Nonce}:{nc}:{cnonce}:auth:{ha2}") : Hash($"{ha1}:{Nonce}:{ha2}");
    }

    private string Hash(string value) => Convert.ToHexStringLower(_hash(Encoding.UTF8.GetBytes(value)));
}
