using WireMock;

namespace FluentRequests.Tests.Sessions;

/// <summary>
/// Session settings merge into each request as Requests' <c>merge_setting</c>: by name, the request wins, <c>null</c> removes.
/// End to end, one or two tests per rule; the rules case by case are MergeRuleTests.
/// </summary>
public class SessionMergeTests : WireMockTest
{
    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod())
        .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private string? Header(string name) => LastRequest.Header(name);

    [Test]
    public async Task RequestHeadersMergeOverSessionHeadersAndRequestWins([Values] bool async)
    {
        using var session = new Session();
        session.Headers["X-Session"] = "s";
        session.Headers["X-Both"] = "session";

        var headers = new { X_Both = "request", X_Req = "r" };
        await Send.Either(async, () => session.Get(Url("/h"), headers: headers), () => session.GetAsync(Url("/h"), headers: headers));

        Assert.That(Header("X-Session"), Is.EqualTo("s"));
        Assert.That(Header("X-Both"), Is.EqualTo("request"));
        Assert.That(Header("X-Req"), Is.EqualTo("r"));
        Assert.That(session.Headers["X-Both"], Is.EqualTo("session"), "the session's own headers are not changed by a request");
        Assert.That(session.Headers["X-Req"], Is.Null);
    }

    [Test]
    public async Task NullRequestHeaderRemovesSessionHeader([Values] bool async)
    {
        using var session = new Session();
        session.Headers["X-Session"] = "s";
        var headers = new Dictionary<string, string?> { ["x-session"] = null };

        await Send.Either(async, () => session.Get(Url("/h"), headers: headers), () => session.GetAsync(Url("/h"), headers: headers));

        Assert.That(Header("X-Session"), Is.Null);
        Assert.That(session.Headers["X-Session"], Is.EqualTo("s"));
    }

    [Test]
    public async Task SessionDefaultHeadersAreSent([Values] bool async)
    {
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/h")), () => session.GetAsync(Url("/h")));

        Assert.That(Header("User-Agent"), Does.StartWith("FluentRequests/"));
        Assert.That(Header("Accept"), Is.EqualTo("*/*"));
    }

    [Test]
    public async Task RequestParamsMergeOverSessionParamsInOrder([Values] bool async)
    {
        using var session = new Session();
        session.Params["a"] = "1";
        session.Params["b"] = "2";
        var @params = new { b = "3", c = "4" };

        var response = await Send.Either(async, () => session.Get(Url("/p"), @params: @params), () => session.GetAsync(Url("/p"), @params: @params));

        Assert.That(LastRequest.RawQuery!.TrimStart('?'), Is.EqualTo("a=1&b=3&c=4"));
        Assert.That(response.Request.PathUrl, Is.EqualTo("/p?a=1&b=3&c=4"));
        Assert.That(session.Params["b"], Is.EqualTo("2"));
        Assert.That(session.Params.ContainsKey("c"), Is.False);
    }

    [Test]
    public async Task RequestCookiesMergeOverSessionCookiesAndAreNotStored([Values] bool async)
    {
        using var session = new Session();
        session.Cookies["s"] = "1";
        session.Cookies["both"] = "session";
        var cookies = new { both = "request", r = "2" };

        await Send.Either(async, () => session.Get(Url("/c"), cookies: cookies), () => session.GetAsync(Url("/c"), cookies: cookies));

        Assert.That(LastRequest.Cookies, Is.EquivalentTo(new Dictionary<string, string> { ["s"] = "1", ["both"] = "request", ["r"] = "2" }));
        Assert.That(session.Cookies["r"], Is.Null, "a per-request cookie is not stored in the session");
        Assert.That(session.Cookies["both"], Is.EqualTo("session"));
        Assert.That(session.Cookies.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task PerRequestCookiesAreNotSentOnTheNextRequest([Values] bool async)
    {
        using var session = new Session();
        var cookies = new Dictionary<string, string> { ["once"] = "1" };

        await Send.Either(async, () => session.Get(Url("/c"), cookies: cookies), () => session.GetAsync(Url("/c"), cookies: cookies));
        Assert.That(LastRequest.Cookies!["once"], Is.EqualTo("1"));

        await Send.Either(async, () => session.Get(Url("/c")), () => session.GetAsync(Url("/c")));
        Assert.That(Header("Cookie"), Is.Null);
    }

    [Test]
    public async Task SessionAuthIsUsedWhenRequestHasNone([Values] bool async)
    {
        using var session = new Session { Auth = ("user", "pass") };

        await Send.Either(async, () => session.Get(Url("/a")), () => session.GetAsync(Url("/a")));

        Assert.That(Header("Authorization"), Is.EqualTo("Basic dXNlcjpwYXNz"));
    }

    [Test]
    public async Task ThrowawayRequestsDoNotLeakCookiesOrAuth([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/set"))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Set-Cookie", "leak=1; Path=/"));

        var first = await Send.Either(async,
            () => Requests.Get(Url("/set"), auth: ("user", "pass"), cookies: new { mine = "x" }),
            () => Requests.GetAsync(Url("/set"), auth: ("user", "pass"), cookies: new { mine = "x" }));
        Assert.That(first.Cookies["leak"], Is.EqualTo("1"), "the server did set a cookie");
        Assert.That(Header("Authorization"), Is.Not.Null);

        await Send.Either(async, () => Requests.Get(Url("/next")), () => Requests.GetAsync(Url("/next")));

        Assert.That(LastRequest.Path, Is.EqualTo("/next"));
        Assert.That(Header("Cookie"), Is.Null);
        Assert.That(Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task DisposedSessionThrowsObjectDisposedException([Values] bool async)
    {
        var session = new Session();
        if (async) await session.DisposeAsync();
        else session.Dispose();

        await Send.Throws<ObjectDisposedException>(async, () => session.Get(Url("/d")), () => session.GetAsync(Url("/d")));
        await Send.Throws<ObjectDisposedException>(async, () => session.Url(Url("/d")).Get(), () => session.Url(Url("/d")).GetAsync());
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task PreparedRequestIsSentAsPrepared([Values] bool async)
    {
        using var session = new Session();
        var prepared = session.Prepare(new FluentRequests.Request("POST", Url("/sent")) { Data = "body", Headers = new { X_Req = "r" } });
        session.Headers["X-Late"] = "not merged again";

        var response = await Send.Either(async, () => session.Send(prepared), () => session.SendAsync(prepared));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(LastRequest.Method, Is.EqualTo("POST"));
        Assert.That(LastRequest.Body, Is.EqualTo("body"));
        Assert.That(Header("X-Req"), Is.EqualTo("r"));
        Assert.That(Header("X-Late"), Is.Null);
    }
}
