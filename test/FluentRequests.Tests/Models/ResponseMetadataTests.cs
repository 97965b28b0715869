using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Models;

/// <summary>Headers, Url, History, Elapsed, Request, Cookies and Links of a response.</summary>
public class ResponseMetadataTests
{
    private static readonly TimeSpan HeaderDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan BodyDelay = TimeSpan.FromMilliseconds(600);
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        switch (ctx.Request.Path.Value)
        {
            case "/repeated":
                ctx.Response.Headers.Append("X-Multi", "a");
                ctx.Response.Headers.Append("X-Multi", "b");
                ctx.Response.Headers.Append("X-Single", "only");
                break;
            case "/redirect":
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = "/final?x=1";
                break;
            case "/set-cookie":
                ctx.Response.Headers.Append("Set-Cookie", "fresh=1; Path=/");
                ctx.Response.Headers.Append("Set-Cookie", "other=2; Path=/");
                break;
            case "/plain":
                ctx.Response.ContentType = "text/plain; charset=utf-8";
                break;
            case "/slow-headers-slower-body":
                await Task.Delay(HeaderDelay);
                await ctx.Response.StartAsync();
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(BodyDelay);
                await ctx.Response.WriteAsync("done");
                return;
            case "/links":
                ctx.Response.Headers.Append("Link", "<https://a/?page=2>; rel=\"next\", <https://a/?page=5>; rel=\"last\"");
                break;
        }
        await ctx.Response.WriteAsync(ctx.Request.Method + " " + ctx.Request.Path + ctx.Request.QueryString);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<Response> Get(bool async, string path, Session? session = null)
    {
        string url = _server.Url(path);
        return session is null
            ? Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url))
            : Send.Either(async, () => session.Get(url), () => session.GetAsync(url));
    }

    [Test]
    public async Task HeadersAreCaseInsensitiveAndRepeatsAreJoined([Values] bool async)
    {
        var response = await Get(async, "/repeated");

        Assert.That(response.Headers["X-Multi"], Is.EqualTo("a, b"));
        Assert.That(response.Headers["x-multi"], Is.EqualTo("a, b"));
        Assert.That(response.Headers["X-SINGLE"], Is.EqualTo("only"));
        Assert.That(response.Headers.ContainsKey("x-single"), Is.True);
        Assert.That(response.Headers["X-Absent"], Is.Null);
        Assert.That(response.Headers.Keys.Count(k => k.Equals("X-Multi", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
    }

    [Test]
    public async Task ContentHeadersAreIncluded([Values] bool async)
    {
        var response = await Get(async, "/plain");

        Assert.That(response.Headers["content-type"], Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(response.Headers["Date"], Is.Not.Null);
    }

    [Test]
    public async Task UrlIsTheFinalUrlAfterRedirects([Values] bool async)
    {
        var response = await Get(async, "/redirect");

        Assert.That(response.Url, Is.EqualTo(_server.Url("/final?x=1")));
        Assert.That(response.Text, Is.EqualTo("GET /final?x=1"));
        Assert.That(response.History, Has.Count.EqualTo(1));
        Assert.That(response.History[0].StatusCode, Is.EqualTo(302));
        Assert.That(response.History[0].Url, Is.EqualTo(_server.Url("/redirect")));
    }

    [Test]
    public async Task UrlKeepsTheFragment([Values] bool async)
    {
        var response = await Get(async, "/page#section-2");

        Assert.That(response.Url, Is.EqualTo(_server.Url("/page#section-2")));
        Assert.That(response.Text, Is.EqualTo("GET /page"), "the fragment is not sent");
    }

    [Test]
    public async Task ElapsedRunsFromSendingToTheHeadersNotToTheEndOfTheBody([Values] bool async)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await Get(async, "/slow-headers-slower-body");
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(start);

        Assert.That(response.Text, Is.EqualTo("done"));
        Assert.That(response.Elapsed, Is.GreaterThanOrEqualTo(HeaderDelay - TimeSpan.FromMilliseconds(50)), "the wait for the headers is counted");
        Assert.That(wall - response.Elapsed, Is.GreaterThanOrEqualTo(BodyDelay / 2), "the time spent reading the body is not");
    }

    [Test]
    public async Task RequestIsThePreparedRequestSent([Values] bool async)
    {
        string url = _server.Url("/items");
        var response = await Send.Either(async,
            () => Requests.Post(url, json: new { a = 1 }, @params: new { q = "x y" }, headers: new { X_Custom = "yes" }),
            () => Requests.PostAsync(url, json: new { a = 1 }, @params: new { q = "x y" }, headers: new { X_Custom = "yes" }));

        var request = response.Request;
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Url, Is.EqualTo(_server.Url("/items?q=x+y")));
        Assert.That(request.PathUrl, Is.EqualTo("/items?q=x+y"));
        Assert.That(request.Headers["X-Custom"], Is.EqualTo("yes"));
        Assert.That(request.Headers["content-type"], Is.EqualTo("application/json"));
        Assert.That(request.Body, Is.EqualTo("{\"a\":1}"u8.ToArray()));
        Assert.That(response.Text, Is.EqualTo("POST /items?q=x+y"));
    }

    [Test]
    public async Task CookiesHoldOnlyThisResponsesSetCookie([Values] bool async)
    {
        using var session = new Session();
        session.Cookies["old"] = "0";

        var response = await Get(async, "/set-cookie", session);

        Assert.That(response.Cookies.ToDictionary(), Is.EquivalentTo(new Dictionary<string, string> { ["fresh"] = "1", ["other"] = "2" }));
        Assert.That(session.Cookies.ToDictionary(), Is.EquivalentTo(new Dictionary<string, string> { ["old"] = "0", ["fresh"] = "1", ["other"] = "2" }));

        var next = await Get(async, "/plain", session);
        Assert.That(next.Cookies.Count, Is.Zero, "a response without Set-Cookie has no cookies, whatever the session holds");
    }

    [Test]
    public async Task LinksAreParsedByRel([Values] bool async)
    {
        var response = await Get(async, "/links");

        Assert.That(response.Links.Keys, Is.EquivalentTo(new[] { "next", "last" }));
        Assert.That(response.Links["next"]["url"], Is.EqualTo("https://a/?page=2"));
        Assert.That(response.Links["next"]["rel"], Is.EqualTo("next"));
        Assert.That(response.Links["last"]["url"], Is.EqualTo("https://a/?page=5"));
    }

    [Test]
    public async Task RequestCopyIsIndependentAndResponseHasARepr([Values] bool async)
    {
        var response = await Get(async, "/plain");

        var copy = response.Request.Copy();
        copy.Headers["X-Added"] = "1";

        Assert.That(response.Request.Headers["X-Added"], Is.Null);
        Assert.That(copy.Url, Is.EqualTo(response.Request.Url));
        Assert.That(copy.Method, Is.EqualTo("GET"));
        Assert.That(response.ToString(), Is.EqualTo("<Response [200]>"));
    }

    [Test]
    public async Task RawOfAStreamedResponseIsTheBody([Values] bool async)
    {
        string url = _server.Url("/plain");
        await using var response = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true));

        using var reader = new StreamReader(response.Raw);
        string body = async ? await reader.ReadToEndAsync() : reader.ReadToEnd();

        Assert.That(body, Is.EqualTo("GET /plain"));
        Assert.Throws<StreamConsumedException>(() => _ = response.Content);
    }
}
