using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FluentRequests.Samples;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Authentication;

/// <summary>The custom Auth example of docs/authentication.md: a server checks the HMAC signature of every attempt, a retry included.</summary>
public class HmacRequestSignerTests
{
    private static readonly byte[] Secret = "s3cr3t-key"u8.ToArray();
    private static readonly RetryPolicy Fast = new()
    {
        MaxRetries = 2, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(20),
        Methods = new HashSet<string> { "POST" },
    };

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _log = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private KestrelServer _server = null!;

    /// <summary>A clock that moves 5 s every time it is read, so a re-signed attempt has a new timestamp.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _seconds = 1_700_000_000;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(Interlocked.Add(ref _seconds, 5));
    }

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        string test = ctx.Request.Path.Value!.Trim('/').Split('/')[0];
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer);
        string timestamp = ctx.Request.Headers["X-Timestamp"].ToString();
        string expected = HmacRequestSigner.Sign(Secret, HmacRequestSigner.StringToSign(
            ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())),
            long.Parse(timestamp)));
        var match = Regex.Match(ctx.Request.Headers.Authorization.ToString(), "^HMAC-SHA256 KeyId=k1, Signature=([0-9a-f]{64})$");
        bool valid = match.Success && match.Groups[1].Value == expected;
        _log.GetOrAdd(test, _ => new()).Enqueue($"{timestamp} {(valid ? "valid" : "invalid")}");
        int hit = _hits.AddOrUpdate(test, 1, (_, n) => n + 1);
        ctx.Response.StatusCode = !valid ? 401 : hit == 1 ? 503 : 200;
        await ctx.Response.WriteAsync(valid ? "signed" : "bad signature");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task RetriedRequestIsSignedAgainWithAFreshTimestamp([Values] bool async)
    {
        string test = Guid.NewGuid().ToString("N");
        string url = _server.Url($"/{test}/orders?page=2");
        using var session = new Session { Auth = new HmacRequestSigner("k1", Secret, new SteppingClock()), Retry = Fast };

        var response = await Send.Either(async,
            () => session.Post(url, json: new { item = "book", qty = 2 }),
            () => session.PostAsync(url, json: new { item = "book", qty = 2 }));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        Assert.That(_log[test].ToArray(), Is.EqualTo(new[] { "1700000005 valid", "1700000010 valid" }), "503, then the retry re-signed 5 s later");
    }

    [Test]
    public async Task TamperedSignatureIsRejectedByTheServer([Values] bool async)
    {
        string test = Guid.NewGuid().ToString("N");
        string url = _server.Url($"/{test}/x");
        var signer = new HmacRequestSigner("k1", "other-key"u8.ToArray());

        var response = await Send.Either(async,
            () => Requests.Post(url, data: "body", auth: signer),
            () => Requests.PostAsync(url, data: "body", auth: signer));

        Assert.That(response.StatusCode, Is.EqualTo(401), "the server's check can fail: a wrong key is caught");
    }
}
