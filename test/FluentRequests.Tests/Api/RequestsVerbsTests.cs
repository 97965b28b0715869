using System.Text.Json;

namespace FluentRequests.Tests.Api;

/// <summary>The top-level <see cref="Requests"/> methods and their Session twins: method, arguments and redirect defaults on the wire.</summary>
public class RequestsVerbsTests : WireMockTest
{
    private static readonly string[] Verbs = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>Calls Requests.&lt;Verb&gt; (or the session's) sync or async.</summary>
    private static Task<Response> Call(Session? session, string verb, bool async, string url, bool? allowRedirects = null) => verb switch
    {
        "GET" => session is null
            ? Send.Either(async, () => Requests.Get(url, allowRedirects: allowRedirects), () => Requests.GetAsync(url, allowRedirects: allowRedirects))
            : Send.Either(async, () => session.Get(url, allowRedirects: allowRedirects), () => session.GetAsync(url, allowRedirects: allowRedirects)),
        "HEAD" => session is null
            ? Send.Either(async, () => Requests.Head(url, allowRedirects: allowRedirects), () => Requests.HeadAsync(url, allowRedirects: allowRedirects))
            : Send.Either(async, () => session.Head(url, allowRedirects: allowRedirects), () => session.HeadAsync(url, allowRedirects: allowRedirects)),
        "POST" => session is null
            ? Send.Either(async, () => Requests.Post(url, allowRedirects: allowRedirects), () => Requests.PostAsync(url, allowRedirects: allowRedirects))
            : Send.Either(async, () => session.Post(url, allowRedirects: allowRedirects), () => session.PostAsync(url, allowRedirects: allowRedirects)),
        "PUT" => session is null
            ? Send.Either(async, () => Requests.Put(url, allowRedirects: allowRedirects), () => Requests.PutAsync(url, allowRedirects: allowRedirects))
            : Send.Either(async, () => session.Put(url, allowRedirects: allowRedirects), () => session.PutAsync(url, allowRedirects: allowRedirects)),
        "PATCH" => session is null
            ? Send.Either(async, () => Requests.Patch(url, allowRedirects: allowRedirects), () => Requests.PatchAsync(url, allowRedirects: allowRedirects))
            : Send.Either(async, () => session.Patch(url, allowRedirects: allowRedirects), () => session.PatchAsync(url, allowRedirects: allowRedirects)),
        "DELETE" => session is null
            ? Send.Either(async, () => Requests.Delete(url, allowRedirects: allowRedirects), () => Requests.DeleteAsync(url, allowRedirects: allowRedirects))
            : Send.Either(async, () => session.Delete(url, allowRedirects: allowRedirects), () => session.DeleteAsync(url, allowRedirects: allowRedirects)),
        "OPTIONS" => session is null
            ? Send.Either(async, () => Requests.Options(url, allowRedirects: allowRedirects), () => Requests.OptionsAsync(url, allowRedirects: allowRedirects))
            : Send.Either(async, () => session.Options(url, allowRedirects: allowRedirects), () => session.OptionsAsync(url, allowRedirects: allowRedirects)),
        _ => throw new ArgumentOutOfRangeException(nameof(verb)),
    };

    private void StubAnyMethod(string path, int status = 200)
        => Server.Given(WmRequest.Create().WithPath(path).UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(status).WithBody("ok"));

    [Test]
    public async Task EachVerbSendsItsMethod([ValueSource(nameof(Verbs))] string verb, [Values] bool async)
    {
        StubAnyMethod("/verb");

        var response = await Call(null, verb, async, Url("/verb"));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received, Has.Count.EqualTo(1));
        Assert.That(LastRequest.Method, Is.EqualTo(verb));
        Assert.That(response.Request.Method, Is.EqualTo(verb));
    }

    [Test]
    public async Task SessionExposesTheSameVerbs([ValueSource(nameof(Verbs))] string verb, [Values] bool async)
    {
        StubAnyMethod("/session-verb");
        using var session = new Session();
        session.Headers["X-Session"] = "yes";

        var response = await Call(session, verb, async, Url("/session-verb"));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(LastRequest.Method, Is.EqualTo(verb));
        Assert.That(LastRequest.Header("X-Session"), Is.EqualTo("yes"));
    }

    [Test]
    public async Task RequestSendsAnyMethodUpperCased([Values] bool async)
    {
        StubAnyMethod("/any");

        var response = await Send.Either(async,
            () => Requests.Request("patch", Url("/any"), data: "payload"),
            () => Requests.RequestAsync("patch", Url("/any"), data: "payload"));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(LastRequest.Method, Is.EqualTo("PATCH"));
        Assert.That(LastRequest.Body, Is.EqualTo("payload"));
    }

    [Test]
    public async Task SessionRequestSendsItsMethod([Values] bool async)
    {
        StubAnyMethod("/session-any");
        using var session = new Session();

        await Send.Either(async,
            () => session.Request("DELETE", Url("/session-any"), @params: new { id = 7 }),
            () => session.RequestAsync("DELETE", Url("/session-any"), @params: new { id = 7 }));

        Assert.That(LastRequest.Method, Is.EqualTo("DELETE"));
        Assert.That(LastRequest.QueryValues("id"), Is.EqualTo(new[] { "7" }));
    }

    [Test]
    public async Task GetSendsParamsRepeatingSequencesAndDroppingNulls([Values] bool async)
    {
        StubAnyMethod("/search");
        var query = new Dictionary<string, object?> { ["q"] = "a b", ["tag"] = new[] { "x", "y" }, ["gone"] = null };

        var response = await Send.Either(async, () => Requests.Get(Url("/search"), query), () => Requests.GetAsync(Url("/search"), query));

        Assert.That(LastRequest.Method, Is.EqualTo("GET"));
        Assert.That(LastRequest.QueryValues("q"), Is.EqualTo(new[] { "a b" }));
        Assert.That(LastRequest.QueryValues("tag"), Is.EqualTo(new[] { "x", "y" }));
        Assert.That(LastRequest.QueryValues("gone"), Is.Empty);
        Assert.That(response.Url, Does.Contain("tag=x&tag=y"));
        Assert.That(response.Url, Does.Not.Contain("gone"));
    }

    [Test]
    public async Task PostSendsFormData([Values] bool async)
    {
        StubAnyMethod("/form");

        await Send.Either(async,
            () => Requests.Post(Url("/form"), new { name = "x y", n = 1 }),
            () => Requests.PostAsync(Url("/form"), new { name = "x y", n = 1 }));

        Assert.That(LastRequest.Method, Is.EqualTo("POST"));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
        Assert.That(LastRequest.Body, Is.EqualTo("name=x+y&n=1"));
    }

    [Test]
    public async Task PostSendsJson([Values] bool async)
    {
        StubAnyMethod("/json");

        await Send.Either(async,
            () => Requests.Post(Url("/json"), json: new { a = 1, b = "two" }),
            () => Requests.PostAsync(Url("/json"), json: new { a = 1, b = "two" }));

        Assert.That(LastRequest.Method, Is.EqualTo("POST"));
        Assert.That(LastRequest.Header("Content-Type"), Does.StartWith("application/json"));
        using var doc = JsonDocument.Parse(LastRequest.Body!);
        Assert.That(doc.RootElement.GetProperty("a").GetInt32(), Is.EqualTo(1));
        Assert.That(doc.RootElement.GetProperty("b").GetString(), Is.EqualTo("two"));
    }

    [Test]
    public async Task PostPrefersDataOverJson([Values] bool async)
    {
        StubAnyMethod("/both");

        await Send.Either(async,
            () => Requests.Post(Url("/both"), data: "raw", json: new { ignored = true }),
            () => Requests.PostAsync(Url("/both"), data: "raw", json: new { ignored = true }));

        Assert.That(LastRequest.Body, Is.EqualTo("raw"));
        Assert.That(LastRequest.Header("Content-Type") ?? "", Does.Not.Contain("json"));
    }

    [Test]
    public async Task PutSendsData([Values] bool async)
    {
        StubAnyMethod("/put");

        await Send.Either(async, () => Requests.Put(Url("/put"), new { k = "v" }), () => Requests.PutAsync(Url("/put"), new { k = "v" }));

        Assert.That(LastRequest.Method, Is.EqualTo("PUT"));
        Assert.That(LastRequest.Body, Is.EqualTo("k=v"));
    }

    [Test]
    public async Task PatchSendsData([Values] bool async)
    {
        StubAnyMethod("/patch");
        var bytes = "patch-bytes"u8.ToArray();

        await Send.Either(async, () => Requests.Patch(Url("/patch"), bytes), () => Requests.PatchAsync(Url("/patch"), bytes));

        Assert.That(LastRequest.Method, Is.EqualTo("PATCH"));
        Assert.That(LastRequest.BodyAsBytes ?? System.Text.Encoding.UTF8.GetBytes(LastRequest.Body ?? ""), Is.EqualTo(bytes));
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    [TestCase("OPTIONS")]
    public async Task BodylessRequestSendsContentLengthZero(string verb)
    {
        StubAnyMethod("/empty");

        await Call(null, verb, async: false, Url("/empty"));
        await Call(null, verb, async: true, Url("/empty"));

        Assert.That(Received, Has.Count.EqualTo(2));
        Assert.That(Received.Select(e => e.RequestMessage.Header("Content-Length")), Is.All.EqualTo("0"));
    }

    [Test]
    public async Task GetSendsNoContentLength([Values] bool async)
    {
        StubAnyMethod("/get-empty");

        await Call(null, "GET", async, Url("/get-empty"));

        Assert.That(LastRequest.Header("Content-Length"), Is.Null);
        Assert.That(LastRequest.Header("Transfer-Encoding"), Is.Null);
    }

    [Test]
    public async Task HeadDoesNotFollowRedirectsByDefault([Values] bool async, [Values] bool onSession)
    {
        StubRedirect();
        using var session = new Session();

        var response = await Call(onSession ? session : null, "HEAD", async, Url("/moved"));

        Assert.That(response.StatusCode, Is.EqualTo(302));
        Assert.That(response.IsRedirect, Is.True);
        Assert.That(response.History, Is.Empty);
        Assert.That(Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task HeadFollowsRedirectsWhenAsked([Values] bool async)
    {
        StubRedirect();

        var response = await Call(null, "HEAD", async, Url("/moved"), allowRedirects: true);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Url, Is.EqualTo(Url("/target")));
        Assert.That(Received.Select(e => e.RequestMessage.Method), Is.EqualTo(new[] { "HEAD", "HEAD" }));
    }

    [Test]
    public async Task OtherVerbsFollowRedirectsByDefault([Values("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")] string verb, [Values] bool async)
    {
        StubRedirect(status: 307);

        var response = await Call(null, verb, async, Url("/moved"));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Url, Is.EqualTo(Url("/target")));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 307 }));
        Assert.That(Received.Select(e => e.RequestMessage.Path), Is.EqualTo(new[] { "/moved", "/target" }));
    }

    [Test]
    public async Task AllowRedirectsFalseStopsAtTheRedirect([Values("GET", "POST", "DELETE")] string verb, [Values] bool async)
    {
        StubRedirect();

        var response = await Call(null, verb, async, Url("/moved"), allowRedirects: false);

        Assert.That(response.StatusCode, Is.EqualTo(302));
        Assert.That(Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ThrowawaySessionDoesNotLeakCookies([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/set").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Set-Cookie", "leak=1; Path=/"));
        StubAnyMethod("/after");

        var first = await Call(null, "GET", async, Url("/set"));
        await Call(null, "GET", async, Url("/after"));

        Assert.That(first.Cookies["leak"], Is.EqualTo("1"));
        Assert.That(LastRequest.Path, Is.EqualTo("/after"));
        Assert.That(LastRequest.Header("Cookie"), Is.Null);
    }

    [Test]
    public async Task ThrowawaySessionDoesNotLeakAuth([Values] bool async)
    {
        StubAnyMethod("/auth");

        await Send.Either(async,
            () => Requests.Get(Url("/auth"), auth: ("u", "p")),
            () => Requests.GetAsync(Url("/auth"), auth: ("u", "p")));
        var withAuth = LastRequest.Header("Authorization");
        await Call(null, "GET", async, Url("/auth"));

        Assert.That(withAuth, Is.EqualTo("Basic dTpw"));
        Assert.That(LastRequest.Header("Authorization"), Is.Null);
    }

    private void StubRedirect(int status = 302)
    {
        Server.Given(WmRequest.Create().WithPath("/moved").UsingAnyMethod())
            .RespondWith(WmResponse.Create().WithStatusCode(status).WithHeader("Location", "/target"));
        StubAnyMethod("/target");
    }
}
