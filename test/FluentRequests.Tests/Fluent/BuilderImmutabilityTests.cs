namespace FluentRequests.Tests.Fluent;

/// <summary><see cref="RequestBuilder"/> is immutable: a With… returns a new builder, and a configured builder can be shared by threads.</summary>
public class BuilderImmutabilityTests : WireMockTest
{
    [SetUp]
    public void StubOk()
        => Server.Given(WmRequest.Create().WithPath("/i").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    [Test]
    public async Task WithReturnsANewBuilderAndLeavesTheOriginalUnchanged([Values] bool async)
    {
        var original = Requests.Url(Url("/i"));

        var configured = original.WithHeader("X-Extra", "1").WithParam("p", "1").WithCookie("c", "1").WithBearerToken("t")
            .AppendPathSegment("more");

        Assert.That(original.Url, Is.EqualTo(Url("/i")));
        Assert.That(configured.Url, Is.EqualTo(Url("/i/more")));

        await Send.Either(async, original.Get, () => original.GetAsync());

        var sent = LastRequest;
        Assert.That(sent.Path, Is.EqualTo("/i"));
        Assert.That(sent.Header("X-Extra"), Is.Null);
        Assert.That(sent.QueryValues("p"), Is.Empty);
        Assert.That(sent.Header("Cookie"), Is.Null);
        Assert.That(sent.Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task NoModifierChangesTheBuilderItIsCalledOn([Values] bool async)
    {
        // The original starts a chain of 4 redirects: a leaked WithAllowRedirects(false) or WithMaxRedirects(3) shows too.
        foreach (var (from, to) in new[] { ("/c0", "/c1"), ("/c1", "/c2"), ("/c2", "/c3"), ("/c3", "/end") })
        {
            Server.Given(WmRequest.Create().WithPath(from).UsingAnyMethod())
                .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", to));
        }
        Server.Given(WmRequest.Create().WithPath("/end").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("end"));
        var b = Requests.Url(Url("/c0"));

        // Every modifier, each called on the same builder; what they return is thrown away.
        _ = new[]
        {
            b.WithHeader("a", "1"), b.WithHeaders(new { b = "1" }), b.WithParam("a", 1), b.WithParams(new { b = 1 }),
            b.WithCookie("a", "1"), b.WithCookies(new { b = "1" }), b.WithAuth(Auth.Basic("u", "p")), b.WithBasicAuth("u", "p"),
            b.WithDigestAuth("u", "p"), b.WithBearerToken("t"), b.WithTimeout(5), b.WithAllowRedirects(false), b.WithMaxRedirects(3),
            b.WithProxies(new Dictionary<string, string>()), b.WithVerify(false), b.WithStream(), b.WithRetry(RetryPolicy.Times(1)),
            b.AppendPathSegment("x"), b.AppendPathSegments("x", "y"),
        };

        var response = await Send.Either(async, b.Get, () => b.GetAsync());

        Assert.That(b.Url, Is.EqualTo(Url("/c0")));
        Assert.That(response.Text, Is.EqualTo("end"), "redirects are still followed (and the body read)");
        Assert.That(response.History.Select(h => h.Url), Is.EqualTo(new[] { Url("/c0"), Url("/c1"), Url("/c2"), Url("/c3") }));
        var first = Received[0].RequestMessage;
        Assert.That(first.Path, Is.EqualTo("/c0"));
        Assert.That(first.RawQuery ?? "", Is.Empty);
        Assert.That(new[] { first.Header("a"), first.Header("b"), first.Header("Cookie"), first.Header("Authorization") }, Is.All.Null);
    }

    [Test]
    public async Task SiblingsDoNotSeeEachOthersChanges([Values] bool async)
    {
        var shared = Requests.Url(Url("/i")).WithHeader("X-Shared", "s");
        var left = shared.WithHeader("X-Side", "left").WithParam("side", "l");
        var right = shared.WithHeader("X-Side", "right");

        await Send.Either(async, left.Get, () => left.GetAsync());
        await Send.Either(async, right.Get, () => right.GetAsync());

        var (l, r) = (Received[0].RequestMessage, Received[1].RequestMessage);
        Assert.That(l.Header("X-Side"), Is.EqualTo("left"));
        Assert.That(l.QueryValues("side"), Is.EqualTo(new[] { "l" }));
        Assert.That(r.Header("X-Side"), Is.EqualTo("right"));
        Assert.That(r.QueryValues("side"), Is.Empty);
        Assert.That(new[] { l.Header("X-Shared"), r.Header("X-Shared") }, Is.All.EqualTo("s"));
    }

    [Test]
    public async Task AConfiguredBuilderIsSafeToSendFrom16Threads([Values] bool async, [Values] bool onSession)
    {
        const int threads = 16;
        using var session = new Session();
        var configured = (onSession ? session.Url(Url("/i")) : Requests.Url(Url("/i")))
            .WithHeader("X-Common", "c").WithParam("q", "v").WithCookie("k", "1").WithBasicAuth("u", "p");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<(Response response, Response? plain)> SendOne(int i)
        {
            var mine = configured.WithHeader("X-Id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)).WithParam("id", i);
            // Half the threads also send the shared builder itself.
            var response = async ? await mine.GetAsync() : mine.Get();
            var plain = i % 2 == 0 ? (async ? await configured.GetAsync() : configured.Get()) : null;
            return (response, plain);
        }

        // Sync sends block their thread: give each its own thread rather than starving the pool the servers run on.
        var tasks = Enumerable.Range(0, threads).Select(i => async
            ? Task.Run(async () => { await start.Task; return await SendOne(i); })
            : Task.Factory.StartNew(() => { start.Task.Wait(); return SendOne(i).GetAwaiter().GetResult(); },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        Assert.That(results.Select(r => r.response.StatusCode), Is.All.EqualTo(200));
        Assert.That(Received, Has.Count.EqualTo(threads + threads / 2));
        var withId = Received.Select(e => e.RequestMessage).Where(m => m.Header("X-Id") is not null).ToList();
        var withoutId = Received.Select(e => e.RequestMessage).Where(m => m.Header("X-Id") is null).ToList();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Assert.That(withId.Select(m => m.Header("X-Id")).OrderBy(s => int.Parse(s!, invariant)),
            Is.EqualTo(Enumerable.Range(0, threads).Select(i => i.ToString(invariant))));
        Assert.That(withId.Select(m => m.QueryValues("id").Single() == m.Header("X-Id")), Is.All.True, "each request carries its own id in header and query");
        Assert.That(withoutId, Has.Count.EqualTo(threads / 2));
        Assert.That(withoutId.Select(m => m.QueryValues("id").Count), Is.All.EqualTo(0));
        foreach (var m in Received.Select(e => e.RequestMessage))
        {
            Assert.That(m.Header("X-Common"), Is.EqualTo("c"));
            Assert.That(m.QueryValues("q"), Is.EqualTo(new[] { "v" }));
            Assert.That(m.Header("Cookie"), Is.EqualTo("k=1"));
            Assert.That(m.Header("Authorization"), Is.EqualTo("Basic dTpw"));
        }
        Assert.That(configured.Url, Is.EqualTo(Url("/i")));
    }
}
