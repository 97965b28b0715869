using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Authentication;

/// <summary>
/// Digest against a server that checks every answer itself: each algorithm Requests has and the -sess forms, a stale
/// nonce, a wrong password, a challenge after a redirect, a rewound stream body, and one session on 16 threads.
/// Paths are /{test}/{area}/…: each area has its own nonce, which a test may change to make the old one stale.
/// Query: alg=… (default MD5), qop=none for the RFC 2069 form, next=… to redirect there once authenticated.
/// </summary>
public class DigestScenarioTests
{
    private const string Realm = "scenarios";
    private const string User = "Mufasa";
    private const string Password = "Circle of Life";

    private readonly ConcurrentDictionary<string, string> _nonces = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _log = new();
    private readonly ConcurrentDictionary<string, byte> _usedCounts = new();
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        string[] parts = ctx.Request.Path.Value!.Trim('/').Split('/');
        string test = parts[0], area = test + "/" + parts[1];
        string algorithm = ctx.Request.Query["alg"].FirstOrDefault() ?? "MD5";
        bool qop = ctx.Request.Query["qop"].FirstOrDefault() != "none";
        string nonce = _nonces.GetOrAdd(area, a => "nonce-" + a.Replace('/', '-'));
        string body;
        using (var reader = new StreamReader(ctx.Request.Body)) body = await reader.ReadToEndAsync();
        string? authorization = ctx.Request.Headers.Authorization.Count > 0 ? ctx.Request.Headers.Authorization.ToString() : null;
        string target = ctx.Request.Path + ctx.Request.QueryString;

        string verdict = authorization is null ? "none" : Check(authorization, ctx.Request.Method, target, algorithm, qop, nonce);
        _log.GetOrAdd(test, _ => new()).Enqueue($"{ctx.Request.Method} /{parts[1]} {verdict} {body}".TrimEnd());
        if (verdict == "ok")
        {
            if (ctx.Request.Query["next"].FirstOrDefault() is { } next)
            {
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = next;
                return;
            }
            await ctx.Response.WriteAsync("welcome " + body);
            return;
        }
        ctx.Response.StatusCode = 401;
        string stale = verdict == "stale" ? ", stale=true" : "";
        string qopParameter = qop ? ", qop=\"auth\"" : "";
        ctx.Response.Headers.WWWAuthenticate = $"Digest realm=\"{Realm}\", nonce=\"{nonce}\"{qopParameter}, algorithm={algorithm}, opaque=\"op\"{stale}";
        await ctx.Response.WriteAsync(verdict);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private static string Hash(string algorithm, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        byte[] digest = algorithm.ToUpperInvariant().Replace("-SESS", "") switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new ArgumentException(algorithm),
        };
        return Convert.ToHexStringLower(digest);
    }

    private static Dictionary<string, string> Fields(string header)
        => Regex.Matches(header, "(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))")
            .ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);

    /// <summary>The server's side of RFC 7616 §3.4.1: "ok", "stale" (right password, old nonce), or why it is rejected.</summary>
    private string Check(string authorization, string method, string target, string algorithm, bool qop, string nonce)
    {
        if (!authorization.StartsWith("Digest ", StringComparison.Ordinal)) return "not-digest";
        var f = Fields(authorization["Digest ".Length..]);
        if (f.GetValueOrDefault("username") != User || f.GetValueOrDefault("realm") != Realm) return "wrong-user";
        if (f.GetValueOrDefault("uri") != target) return "wrong-uri";
        if (f.GetValueOrDefault("algorithm") != algorithm) return "wrong-algorithm";
        if (f.GetValueOrDefault("opaque") != "op") return "no-opaque";
        string sentNonce = f.GetValueOrDefault("nonce", "");
        string nc = f.GetValueOrDefault("nc", ""), cnonce = f.GetValueOrDefault("cnonce", "");
        if (qop && (f.GetValueOrDefault("qop") != "auth" || !Regex.IsMatch(nc, "^[0-9a-f]{8}$") || cnonce.Length == 0)) return "bad-qop";
        if (!qop && f.ContainsKey("qop")) return "unexpected-qop";
        string ha1 = Hash(algorithm, $"{User}:{Realm}:{Password}");
        if (algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase)) ha1 = Hash(algorithm, $"{ha1}:{sentNonce}:{cnonce}");
        string ha2 = Hash(algorithm, $"{method}:{target}");
        string expected = qop ? Hash(algorithm, $"{ha1}:{sentNonce}:{nc}:{cnonce}:auth:{ha2}") : Hash(algorithm, $"{ha1}:{sentNonce}:{ha2}");
        if (f.GetValueOrDefault("response") != expected) return "bad-response";
        if (sentNonce != nonce) return "stale";
        if (qop && !_usedCounts.TryAdd(sentNonce + "/" + nc, 0)) return "replayed-nc";
        return "ok";
    }

    private static string NewTest() => Guid.NewGuid().ToString("N");

    private string[] Log(string test) => _log.GetValueOrDefault(test)?.ToArray() ?? [];

    [Test]
    public Task EveryAlgorithmIsAnsweredWithQopAuth(
        [Values("MD5", "MD5-sess", "SHA", "SHA-sess", "SHA-256", "SHA-256-sess", "SHA-512", "SHA-512-sess")] string algorithm, [Values] bool async)
        => IsAnswered(algorithm, qop: true, async);

    [Test]
    public Task EveryPlainAlgorithmIsAnsweredWithoutAQop([Values("MD5", "SHA", "SHA-256", "SHA-512")] string algorithm, [Values] bool async)
        => IsAnswered(algorithm, qop: false, async);

    [Test]
    public async Task SessAlgorithmWithoutAQopIsARequestException([Values] bool async)
    {
        string test = NewTest();
        string url = _server.Url($"/{test}/a?alg=SHA-256-sess&qop=none");
        var auth = Auth.Digest(User, Password);

        var e = await Send.Throws<RequestException>(async, () => Requests.Get(url, auth: auth), () => Requests.GetAsync(url, auth: auth));

        Assert.That(e.Message, Does.Contain("'SHA-256-sess' without a qop"));
        Assert.That(e.Response?.StatusCode, Is.EqualTo(401));
        Assert.That(Log(test), Is.EqualTo(new[] { "GET /a none" }));
    }

    private async Task IsAnswered(string algorithm, bool qop, bool async)
    {
        string test = NewTest();
        string url = _server.Url($"/{test}/a?alg={algorithm}{(qop ? "" : "&qop=none")}");
        var auth = Auth.Digest(User, Password);

        var response = await Send.Either(async, () => Requests.Get(url, auth: auth), () => Requests.GetAsync(url, auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        Assert.That(Log(test), Is.EqualTo(new[] { "GET /a none", "GET /a ok" }));
    }

    [Test]
    public async Task StaleNonceIsAnsweredWithTheNewOne([Values] bool async)
    {
        string test = NewTest();
        using var session = new Session { Auth = Auth.Digest(User, Password) };
        string first = _server.Url($"/{test}/s/1"), second = _server.Url($"/{test}/s/2");
        await Send.Either(async, () => session.Get(first), () => session.GetAsync(first));
        _nonces[$"{test}/s"] = "rotated-" + test;

        var response = await Send.Either(async, () => session.Get(second), () => session.GetAsync(second));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 401 }));
        Assert.That(response.History[0].Headers["WWW-Authenticate"], Does.Contain("stale=true"));
        Assert.That(Fields(response.Request.Headers["Authorization"]!)["nonce"], Is.EqualTo("rotated-" + test));
        Assert.That(Log(test), Is.EqualTo(new[] { "GET /s none", "GET /s ok", "GET /s stale", "GET /s ok" }));
    }

    [Test]
    public async Task WrongPasswordIsTriedOnceAndThe401IsReturnedWithTheFirstInHistory([Values] bool async)
    {
        string test = NewTest();
        string url = _server.Url($"/{test}/w");
        var auth = Auth.Digest(User, "wrong");

        var response = await Send.Either(async, () => Requests.Get(url, auth: auth), () => Requests.GetAsync(url, auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(401));
        Assert.That(response.Text, Is.EqualTo("bad-response"));
        Assert.That(response.History, Has.Count.EqualTo(1));
        Assert.That(response.History[0].StatusCode, Is.EqualTo(401));
        Assert.That(response.History[0].Text, Is.EqualTo("none"));
        Assert.That(Log(test), Is.EqualTo(new[] { "GET /w none", "GET /w bad-response" }));
    }

    [Test]
    public async Task ChallengeAfterARedirectIsAnsweredToo([Values] bool async)
    {
        string test = NewTest();
        string url = _server.Url($"/{test}/one?next=/{test}/two");
        var auth = Auth.Digest(User, Password);

        var response = await Send.Either(async, () => Requests.Get(url, auth: auth), () => Requests.GetAsync(url, auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 401, 302, 401 }));
        // The second area has its own nonce: the hop is signed with the first one, found stale, and answered.
        Assert.That(Log(test), Is.EqualTo(new[] { "GET /one none", "GET /one ok", "GET /two stale", "GET /two ok" }));
    }

    [Test]
    public async Task PostedStreamIsRewoundForTheAnswer([Values] bool async)
    {
        string test = NewTest();
        string url = _server.Url($"/{test}/p");
        var auth = Auth.Digest(User, Password);
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("payload"));

        var response = await Send.Either(async, () => Requests.Post(url, data: body, auth: auth), () => Requests.PostAsync(url, data: body, auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        Assert.That(response.Text, Is.EqualTo("welcome payload"));
        Assert.That(Log(test), Is.EqualTo(new[] { "POST /p none payload", "POST /p ok payload" }));
    }

    [Test]
    public async Task SixteenThreadsShareOneSession([Values] bool async)
    {
        string test = NewTest();
        using var session = new Session { Auth = Auth.Digest(User, Password) };
        const int Threads = 16, PerThread = 8;

        async Task<int[]> Worker(int thread)
        {
            var statuses = new int[PerThread];
            for (int i = 0; i < PerThread; i++)
            {
                string url = _server.Url($"/{test}/c/{thread}/{i}");
                statuses[i] = (async ? await session.GetAsync(url) : session.Get(url)).StatusCode;
            }
            return statuses;
        }

        int[][] results = async
            ? await Task.WhenAll(Enumerable.Range(0, Threads).Select(Worker))
            : await Task.WhenAll(Enumerable.Range(0, Threads)
                .Select(t => Task.Factory.StartNew(() => Worker(t).GetAwaiter().GetResult(), TaskCreationOptions.LongRunning)));

        Assert.That(results.SelectMany(r => r), Is.All.EqualTo(200));
        var log = Log(test);
        Assert.That(log.Count(l => l.EndsWith(" ok", StringComparison.Ordinal)), Is.EqualTo(Threads * PerThread));
        Assert.That(log.Where(l => !l.EndsWith(" ok", StringComparison.Ordinal)), Is.All.EqualTo("GET /c none"),
            "only first requests, sent before any challenge was known, go unsigned; no nonce count is reused");
    }
}
