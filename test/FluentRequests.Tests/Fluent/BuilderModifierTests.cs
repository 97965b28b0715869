using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Fluent;

/// <summary>Every With… modifier of <see cref="RequestBuilder"/> shows on the wire.</summary>
public class BuilderModifierTests : WireMockTest
{
    private void StubOk(string path = "/m")
        => Server.Given(WmRequest.Create().WithPath(path).UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private static Task<Response> Get(RequestBuilder builder, bool async) => Send.Either(async, builder.Get, () => builder.GetAsync());

    [Test]
    public async Task WithHeaderSetsAHeader([Values] bool async, [Values] bool onSession)
    {
        StubOk();
        using var session = new Session();
        var start = onSession ? session.Url(Url("/m")) : Requests.Url(Url("/m"));

        await Get(start.WithHeader("X-One", "1"), async);

        Assert.That(LastRequest.Header("X-One"), Is.EqualTo("1"));
    }

    [Test]
    public async Task WithHeaderReplacesTheSameNameAndNullRemovesASessionHeader([Values] bool async)
    {
        StubOk();
        using var session = new Session();
        session.Headers["X-Session"] = "s";

        await Get(session.Url(Url("/m")).WithHeader("X-Twice", "a").WithHeader("x-twice", "b").WithHeader("X-Session", null), async);

        Assert.That(LastRequest.Header("X-Twice"), Is.EqualTo("b"));
        Assert.That(LastRequest.Header("X-Session"), Is.Null);
    }

    [Test]
    public async Task WithHeadersTurnsUnderscoresIntoDashes([Values] bool async)
    {
        StubOk();

        await Get(Requests.Url(Url("/m")).WithHeaders(new { X_Api_Key = "k", Accept = "text/plain" }), async);

        Assert.That(LastRequest.Header("X-Api-Key"), Is.EqualTo("k"));
        Assert.That(LastRequest.Header("X_Api_Key"), Is.Null);
        Assert.That(LastRequest.Header("Accept"), Is.EqualTo("text/plain"));
    }

    [Test]
    public async Task WithHeadersAcceptsADictionary([Values] bool async)
    {
        StubOk();

        await Get(Requests.Url(Url("/m")).WithHeaders(new Dictionary<string, string> { ["X_Under"] = "kept" }), async);

        Assert.That(LastRequest.Header("X_Under"), Is.EqualTo("kept"), "only anonymous-object member names are rewritten");
    }

    [Test]
    public void WithHeaderRejectsCrLfImmediately()
    {
        StubOk();
        var builder = Requests.Url(Url("/m"));

        Assert.Throws<InvalidHeaderException>(() => builder.WithHeader("X-Bad", "a\r\nInjected: 1"));
        Assert.Throws<InvalidHeaderException>(() => builder.WithHeader("X-Bad\r\n", "a"));
        Assert.Throws<InvalidHeaderException>(() => builder.WithHeaders(new { X_Bad = "a\nb" }));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task WithParamRepeatsTheKeyForASequence([Values] bool async)
    {
        StubOk();

        var response = await Get(Requests.Url(Url("/m")).WithParam("k", new[] { "a", "b" }).WithParam("single", 3), async);

        Assert.That(LastRequest.QueryValues("k"), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(LastRequest.QueryValues("single"), Is.EqualTo(new[] { "3" }));
        Assert.That(response.Url, Does.EndWith("?k=a&k=b&single=3"));
    }

    [Test]
    public async Task WithParamsAddsEveryMember([Values] bool async)
    {
        StubOk();

        var response = await Get(Requests.Url(Url("/m?x=0")).WithParams(new { a = 1, b = "two words" }), async);

        Assert.That(LastRequest.QueryValues("x"), Is.EqualTo(new[] { "0" }));
        Assert.That(LastRequest.QueryValues("a"), Is.EqualTo(new[] { "1" }));
        Assert.That(LastRequest.QueryValues("b"), Is.EqualTo(new[] { "two words" }));
        Assert.That(response.Url, Does.Contain("b=two+words").Or.Contain("b=two%20words"));
    }

    [Test]
    public async Task WithCookieAndWithCookiesSendACookieHeader([Values] bool async)
    {
        StubOk();

        await Get(Requests.Url(Url("/m")).WithCookie("one", "1").WithCookies(new { two = "2", three = "3" }), async);

        var cookie = LastRequest.Header("Cookie");
        Assert.That(cookie, Is.Not.Null);
        var pairs = cookie!.Split(';', StringSplitOptions.TrimEntries).OrderBy(p => p, StringComparer.Ordinal);
        Assert.That(pairs, Is.EqualTo(new[] { "one=1", "three=3", "two=2" }));
    }

    [Test]
    public async Task WithCookieIsForThisRequestOnly([Values] bool async)
    {
        StubOk();
        using var session = new Session();

        await Get(session.Url(Url("/m")).WithCookie("once", "1"), async);
        await Get(session.Url(Url("/m")), async);

        Assert.That(Received[0].RequestMessage.Header("Cookie"), Is.EqualTo("once=1"));
        Assert.That(LastRequest.Header("Cookie"), Is.Null);
        Assert.That(session.Cookies["once"], Is.Null);
    }

    [Test]
    public async Task WithAuthSendsTheAuthsHeader([Values] bool async)
    {
        StubOk();

        await Get(Requests.Url(Url("/m")).WithAuth(Auth.Basic("user", "pass")), async);

        Assert.That(LastRequest.Header("Authorization"), Is.EqualTo("Basic dXNlcjpwYXNz"));
    }

    [Test]
    public async Task WithAuthBeatsTheSessionsAuth([Values] bool async)
    {
        StubOk();
        using var session = new Session { Auth = Auth.Bearer("session-token") };

        await Get(session.Url(Url("/m")).WithAuth(Auth.Bearer("request-token")), async);

        Assert.That(LastRequest.Header("Authorization"), Is.EqualTo("Bearer request-token"));
    }

    [Test]
    public async Task WithBasicAuthSendsBasic([Values] bool async)
    {
        StubOk();

        await Get(Requests.Url(Url("/m")).WithBasicAuth("u", "p"), async);

        Assert.That(LastRequest.Header("Authorization"), Is.EqualTo("Basic dTpw"));
    }

    [Test]
    public async Task WithBearerTokenSendsBearer([Values] bool async)
    {
        StubOk();

        await Get(Requests.Url(Url("/m")).WithBearerToken("abc.def"), async);

        Assert.That(LastRequest.Header("Authorization"), Is.EqualTo("Bearer abc.def"));
    }

    [Test]
    public async Task WithDigestAuthAnswersTheChallenge([Values] bool async)
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            string auth = ctx.Request.Headers.Authorization.ToString();
            seen.Enqueue(auth);
            if (auth.StartsWith("Digest username=\"u\"", StringComparison.Ordinal))
            {
                await ctx.Response.WriteAsync("welcome");
                return;
            }
            ctx.Response.StatusCode = 401;
            ctx.Response.Headers.WWWAuthenticate = "Digest realm=\"r\", nonce=\"n\", qop=\"auth\"";
        });

        var response = await Get(Requests.Url(server.Url("/secret")).WithDigestAuth("u", "p"), async);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("welcome"));
        Assert.That(seen, Has.Count.EqualTo(2));
        Assert.That(seen.First(), Is.Empty);
        Assert.That(seen.Last(), Does.Contain("realm=\"r\"").And.Contain("nonce=\"n\"").And.Contain("uri=\"/secret\""));
    }

    [Test]
    public async Task WithTimeoutIsCarriedToTheRead([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
            await ctx.Response.WriteAsync("late");
        });
        // A generous connect limit so a loaded machine cannot turn this into a connect timeout; only the read is short.
        var builder = Requests.Url(server.Url("/slow")).WithTimeout((10.0, 0.3));

        var e = await Send.Throws<ReadTimeoutException>(async, () => builder.Get(), () => builder.GetAsync());

        Assert.That(e.Message, Does.Contain(server.Url("/slow")));
    }

    [Test]
    public async Task WithAllowRedirectsFalseReturnsTheRedirectWithNext([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/from").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/to"));
        StubOk("/to");

        var response = await Get(Requests.Url(Url("/from")).WithAllowRedirects(false), async);

        Assert.That(response.StatusCode, Is.EqualTo(302));
        Assert.That(response.Next, Is.Not.Null);
        Assert.That(response.Next!.Url, Is.EqualTo(Url("/to")));
        Assert.That(response.Next.Method, Is.EqualTo("GET"));
        Assert.That(Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WithAllowRedirectsTrueMakesHeadFollow([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/from").UsingHead())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/to"));
        StubOk("/to");
        var builder = Requests.Url(Url("/from")).WithAllowRedirects(true);

        var response = await Send.Either(async, builder.Head, () => builder.HeadAsync());

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task WithMaxRedirectsLimitsTheChain([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/r1").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/r2"));
        Server.Given(WmRequest.Create().WithPath("/r2").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/r3"));
        StubOk("/r3");
        var limited = Requests.Url(Url("/r1")).WithMaxRedirects(1);

        var e = await Send.Throws<TooManyRedirectsException>(async, () => limited.Get(), () => limited.GetAsync());
        var followed = await Get(Requests.Url(Url("/r1")).WithMaxRedirects(2), async);

        Assert.That(e.Response!.StatusCode, Is.EqualTo(302));
        Assert.That(e.Response.Url, Is.EqualTo(Url("/r2")));
        Assert.That(followed.StatusCode, Is.EqualTo(200));
        Assert.That(followed.History, Has.Count.EqualTo(2));
        Assert.Throws<ArgumentException>(() => Requests.Url(Url("/r1")).WithMaxRedirects(-1));
    }

    [Test]
    public async Task WithStreamLeavesTheBodyInRaw([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/big").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("streamed body"));

        await using var response = await Get(Requests.Url(Url("/big")).WithStream(), async);

        using var reader = new StreamReader(response.Raw);
        string text = async ? await reader.ReadToEndAsync() : reader.ReadToEnd();
        Assert.That(text, Is.EqualTo("streamed body"));
    }

    [Test]
    public async Task WithRetryRetriesAServiceUnavailable([Values] bool async)
    {
        string scenario = $"retry-{async}-{Guid.NewGuid():N}";
        Server.Given(WmRequest.Create().WithPath("/flaky").UsingGet()).InScenario(scenario).WillSetStateTo("up")
            .RespondWith(WmResponse.Create().WithStatusCode(503));
        Server.Given(WmRequest.Create().WithPath("/flaky").UsingGet()).InScenario(scenario).WhenStateIs("up")
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("recovered"));
        var retry = new RetryPolicy { MaxRetries = 2, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(20), Jitter = false };

        var response = await Get(Requests.Url(Url("/flaky")).WithRetry(retry), async);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("recovered"));
        Assert.That(Received, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task WithoutRetryAServiceUnavailableIsReturned([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/down").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(503));

        var response = await Get(Requests.Url(Url("/down")), async);

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AppendPathSegmentEncodesASpace([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/base/a b").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(200));

        var builder = Requests.Url(Url("/base")).AppendPathSegment("a b");
        var response = await Get(builder, async);

        Assert.That(builder.Url, Is.EqualTo(Url("/base/a%20b")));
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Url, Is.EqualTo(Url("/base/a%20b")));
    }

    [Test]
    public async Task AppendPathSegmentsKeepsOrder([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/api/users/42/my files").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(200));

        var builder = Requests.Url(Url("/api/")).AppendPathSegments("users", 42).AppendPathSegment("my files");
        var response = await Get(builder, async);

        Assert.That(builder.Url, Is.EqualTo(Url("/api/users/42/my%20files")));
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(LastRequest.AbsolutePath, Is.EqualTo("/api/users/42/my%20files").Or.EqualTo("/api/users/42/my files"));
    }
}
