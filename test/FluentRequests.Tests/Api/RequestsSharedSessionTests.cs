namespace FluentRequests.Tests.Api;

/// <summary>
/// <c>Requests.*</c> and <c>Requests.Url</c> run on one shared session whose cookies are kept per call: each call must
/// behave exactly as Requests' throwaway session does (a fresh <see cref="Session"/>), on the wire, and no cookie may
/// pass from one call to another, even when calls run at once.
/// </summary>
public class RequestsSharedSessionTests : WireMockTest
{
    [SetUp]
    public void Stub()
    {
        // /login/{who} sets a cookie and redirects; /step sets another and redirects; /home answers.
        Server.Given(WmRequest.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/login/*")).UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Set-Cookie", "who={{request.PathSegments.[1]}}; Path=/")
                .WithHeader("Location", "/step/{{request.PathSegments.[1]}}").WithTransformer());
        Server.Given(WmRequest.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/step/*")).UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Set-Cookie", "a=from-server; Path=/")
                .WithHeader("Location", "/home/{{request.PathSegments.[1]}}").WithTransformer());
        Server.Given(WmRequest.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/home/*")).UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("home"));
    }

    /// <summary>What each request of a call carried: path and Cookie header, in order.</summary>
    private List<(string Path, string? Cookie)> Wire(string who)
        => Received.Where(e => e.RequestMessage.Path.EndsWith("/" + who, StringComparison.Ordinal))
            .Select(e => (e.RequestMessage.Path, e.RequestMessage.Header("Cookie"))).ToList();

    [Test]
    public async Task ACallWithRedirectsAndCookiesSendsWhatAFreshSessionSends([Values] bool async, [Values] bool builder)
    {
        var callCookies = new Dictionary<string, string> { ["a"] = "from-caller", ["b"] = "2" };
        using (var fresh = new Session())
        {
            await Send.Either(async, () => fresh.Get(Url("/login/fresh"), cookies: callCookies),
                () => fresh.GetAsync(Url("/login/fresh"), cookies: callCookies));
        }
        var response = builder
            ? await Send.Either(async, () => Requests.Url(Url("/login/shared")).WithCookies(callCookies).Get(),
                () => Requests.Url(Url("/login/shared")).WithCookies(callCookies).GetAsync())
            : await Send.Either(async, () => Requests.Get(Url("/login/shared"), cookies: callCookies),
                () => Requests.GetAsync(Url("/login/shared"), cookies: callCookies));

        var expected = Wire("fresh").Select(r => (r.Path.Replace("fresh", "shared"), r.Cookie?.Replace("fresh", "shared"))).ToList();
        Assert.That(expected, Has.Count.EqualTo(3), "the reference call followed both redirects");
        Assert.That(expected[2].Item2, Does.Contain("who=shared").And.Contain("a=from-server"), "the reference carried the redirects' cookies");
        Assert.That(Wire("shared"), Is.EqualTo(expected));
        Assert.That(response.History, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task NoCookieFromOneCallReachesTheNext([Values] bool async, [Values] bool builder)
    {
        await Send.Either(async, () => Requests.Get(Url("/login/first")), () => Requests.GetAsync(Url("/login/first")));
        if (builder)
        {
            await Send.Either(async, () => Requests.Url(Url("/home/second")).Get(), () => Requests.Url(Url("/home/second")).GetAsync());
        }
        else
        {
            await Send.Either(async, () => Requests.Get(Url("/home/second")), () => Requests.GetAsync(Url("/home/second")));
        }

        Assert.That(Wire("first")[2].Cookie, Does.Contain("who=first"));
        Assert.That(Wire("second").Single().Cookie, Is.Null);
    }

    [Test]
    public async Task CallsAtOnceEachKeepTheirOwnCookies()
    {
        // The sync calls on threads of their own: blocking a dozen pool threads would starve the other tests' timers.
        var calls = Enumerable.Range(0, 24).Select(i => i % 2 == 0
            ? Requests.GetAsync(Url($"/login/c{i}"))
            : Task.Factory.StartNew(() => Requests.Get(Url($"/login/c{i}")), CancellationToken.None, TaskCreationOptions.LongRunning,
                TaskScheduler.Default));
        var responses = await Task.WhenAll(calls);

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(200));
        for (int i = 0; i < 24; i++)
        {
            var wire = Wire($"c{i}");
            Assert.That(wire.Select(r => r.Path), Is.EqualTo(new[] { $"/login/c{i}", $"/step/c{i}", $"/home/c{i}" }));
            Assert.That(wire[0].Cookie, Is.Null, $"call {i} started with no cookie");
            Assert.That(wire[2].Cookie, Does.Contain($"who=c{i}").And.Not.Match($"who=c(?!{i}\\b)"), $"call {i} carried its own cookie only");
        }
    }
}
