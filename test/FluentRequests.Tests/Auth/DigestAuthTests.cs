using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Authentication;

/// <summary>Digest auth (RFC 7616, MD5, qop=auth) against a server that checks the response hash itself.</summary>
public class DigestAuthTests
{
    private const string Realm = "r";
    private const string Nonce = "n";
    private const string User = "Mufasa";
    private const string Password = "Circle of Life";

    private KestrelServer _server = null!;
    private readonly ConcurrentQueue<string?> _authorizations = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly ConcurrentQueue<string> _cookies = new();

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        string? authorization = ctx.Request.Headers.Authorization.Count > 0 ? ctx.Request.Headers.Authorization.ToString() : null;
        _authorizations.Enqueue(authorization);
        _cookies.Enqueue(ctx.Request.Headers.Cookie.ToString());
        using (var reader = new StreamReader(ctx.Request.Body)) _bodies.Enqueue(await reader.ReadToEndAsync());
        string target = ctx.Request.Path + ctx.Request.QueryString;
        string why = "no Authorization";
        if (authorization is not null && IsValid(authorization, ctx.Request.Method, target, out why))
        {
            await ctx.Response.WriteAsync("welcome " + target);
            return;
        }
        ctx.Response.StatusCode = 401;
        ctx.Response.Headers.Append("Set-Cookie", "challenge=c1; Path=/");
        ctx.Response.Headers.WWWAuthenticate = $"Digest realm=\"{Realm}\", nonce=\"{Nonce}\", qop=\"auth\", algorithm=MD5";
        await ctx.Response.WriteAsync(authorization is null ? "challenge" : "rejected: " + why);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [SetUp]
    public void Reset()
    {
        _authorizations.Clear();
        _bodies.Clear();
        _cookies.Clear();
    }

    private static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));

    private static Dictionary<string, string> Parameters(string header)
        => Regex.Matches(header, "(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))")
            .ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);

    /// <summary>The server's side of RFC 7616 §3.4.1 with qop=auth: response = H(H(A1):nonce:nc:cnonce:qop:H(A2)).</summary>
    private static bool IsValid(string authorization, string method, string target, out string why)
    {
        why = "";
        if (!authorization.StartsWith("Digest ", StringComparison.Ordinal)) { why = "not Digest"; return false; }
        var p = Parameters(authorization["Digest ".Length..]);
        foreach (var required in new[] { "username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce" })
        {
            if (!p.ContainsKey(required)) { why = "missing " + required; return false; }
        }
        if (p["username"] != User || p["realm"] != Realm || p["nonce"] != Nonce) { why = "wrong user, realm or nonce"; return false; }
        if (p["uri"] != target) { why = $"uri {p["uri"]} is not {target}"; return false; }
        if (p["qop"] != "auth") { why = "qop " + p["qop"]; return false; }
        if (!Regex.IsMatch(p["nc"], "^[0-9a-f]{8}$")) { why = "nc " + p["nc"]; return false; }
        string ha1 = Md5($"{User}:{Realm}:{Password}");
        string ha2 = Md5($"{method}:{target}");
        string expected = Md5($"{ha1}:{Nonce}:{p["nc"]}:{p["cnonce"]}:auth:{ha2}");
        if (!string.Equals(p["response"], expected, StringComparison.OrdinalIgnoreCase)) { why = "bad response hash"; return false; }
        return true;
    }

    [Test]
    public async Task AnswersTheChallengeAndKeepsThe401InHistory([Values] bool async)
    {
        string url = _server.Url("/dir/index.html?x=1");
        var auth = Auth.Digest(User, Password);

        var response = await Send.Either(async, () => Requests.Get(url, auth: auth), () => Requests.GetAsync(url, auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        Assert.That(response.Text, Is.EqualTo("welcome /dir/index.html?x=1"));
        Assert.That(response.History, Has.Count.EqualTo(1));
        Assert.That(response.History[0].StatusCode, Is.EqualTo(401));
        Assert.That(response.History[0].Headers["WWW-Authenticate"], Does.StartWith("Digest "));
        Assert.That(response.Request.Headers["Authorization"], Does.StartWith("Digest "));
        Assert.That(_authorizations.ToArray(), Has.Length.EqualTo(2));
        Assert.That(_authorizations.First(), Is.Null, "the first request goes out unsigned");
        var answer = Parameters(_authorizations.Last()!);
        Assert.That(answer["nc"], Is.EqualTo("00000001"));
        Assert.That(answer["uri"], Is.EqualTo("/dir/index.html?x=1"));
    }

    [Test]
    public async Task WrongPasswordAnswersOnceAndReturnsThe401([Values] bool async)
    {
        string url = _server.Url("/secret");
        var auth = Auth.Digest(User, "wrong");

        var response = await Send.Either(async, () => Requests.Get(url, auth: auth), () => Requests.GetAsync(url, auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(401));
        Assert.That(response.Text, Is.EqualTo("rejected: bad response hash"));
        Assert.That(_authorizations.ToArray(), Has.Length.EqualTo(2), "one challenge is answered once, not in a loop");
    }

    [Test]
    public async Task SameInstanceSignsTheNextRequestPreemptively([Values] bool async)
    {
        using var session = new Session { Auth = Auth.Digest(User, Password) };

        var first = await Send.Either(async, () => session.Get(_server.Url("/a")), () => session.GetAsync(_server.Url("/a")));
        var second = await Send.Either(async, () => session.Get(_server.Url("/b")), () => session.GetAsync(_server.Url("/b")));

        Assert.That(first.StatusCode, Is.EqualTo(200));
        Assert.That(second.StatusCode, Is.EqualTo(200), second.Text);
        Assert.That(second.History, Is.Empty);
        Assert.That(_authorizations.ToArray(), Has.Length.EqualTo(3));
        Assert.That(Parameters(_authorizations.Last()!)["nc"], Is.EqualTo("00000002"));
    }

    [Test]
    public async Task PostBodyIsResentWithTheAnswer([Values] bool async)
    {
        string url = _server.Url("/form");
        var auth = Auth.Digest(User, Password);

        var response = await Send.Either(async,
            () => Requests.Post(url, data: "payload", auth: auth),
            () => Requests.PostAsync(url, data: "payload", auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        Assert.That(_bodies.ToArray(), Is.EqualTo(new[] { "payload", "payload" }));
    }

    [Test]
    public async Task AnswerCarriesTheChallengesCookieAndTheRequestsOwnOnce([Values] bool async)
    {
        string url = _server.Url("/cookies");
        var auth = Auth.Digest(User, Password);
        var cookies = new { mine = "m1" };

        var response = await Send.Either(async,
            () => Requests.Get(url, auth: auth, cookies: cookies),
            () => Requests.GetAsync(url, auth: auth, cookies: cookies));

        Assert.That(response.StatusCode, Is.EqualTo(200), response.Text);
        var sent = _cookies.ToArray();
        Assert.That(sent, Has.Length.EqualTo(2));
        Assert.That(sent[0], Is.EqualTo("mine=m1"));
        var answer = sent[1].Split("; ");
        Assert.That(answer, Is.EquivalentTo(new[] { "mine=m1", "challenge=c1" }), "each cookie once: " + sent[1]);
    }
}
