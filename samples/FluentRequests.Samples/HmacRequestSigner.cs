// A custom Auth, shown in docs/authentication.md and tested in the test project (which compiles this file too).
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FluentRequests.Samples;

/// <summary>
/// Signs each request sent with HMAC-SHA256 over its method, path and query, the SHA-256 of its body and a Unix
/// timestamp: <c>X-Timestamp: 1700000000</c> and <c>Authorization: HMAC-SHA256 KeyId=…, Signature=…</c>.
/// It signs in <see cref="BeforeSend"/>, so a retry or a redirect hop sent seconds later carries a fresh timestamp
/// and a signature that matches it.
/// </summary>
public sealed class HmacRequestSigner(string keyId, byte[] secret, TimeProvider? clock = null) : Auth
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The text signed: method, path and query, body hash and timestamp, one per line.</summary>
    public static string StringToSign(string method, string pathAndQuery, string bodySha256Hex, long timestamp)
        => $"{method}\n{pathAndQuery}\n{bodySha256Hex}\n{timestamp.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The signature of <paramref name="stringToSign"/>, lower-case hex.</summary>
    public static string Sign(byte[] secret, string stringToSign)
        => Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Nothing to do when the request is prepared: every request is signed just before it is sent.</summary>
    public override void Apply(PreparedRequest request)
    {
    }

    /// <summary>Signs the request about to be sent, with the time now.</summary>
    public override void BeforeSend(PreparedRequest request)
    {
        long timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        string toSign = StringToSign(request.Method, request.PathUrl, BodyHash(request.Body), timestamp);
        request.Headers["X-Timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
        request.Headers["Authorization"] = $"HMAC-SHA256 KeyId={keyId}, Signature={Sign(secret, toSign)}";
    }

    private static string BodyHash(object? body) => body switch
    {
        null => Convert.ToHexStringLower(SHA256.HashData([])),
        // Form, JSON, string and byte[] bodies are encoded to bytes when the request is prepared.
        byte[] bytes => Convert.ToHexStringLower(SHA256.HashData(bytes)),
        _ => throw new ArgumentException("HmacRequestSigner signs encoded bodies (data, json) only, not streams or files.", nameof(body)),
    };
}
