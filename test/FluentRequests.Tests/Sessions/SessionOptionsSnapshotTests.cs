using System.Net;
using System.Net.Sockets;

namespace FluentRequests.Tests.Sessions;

/// <summary>
/// A session reuses the options of its last plain call (one object fewer per request) only while every setting in them is
/// still current: each setting changed between two calls, including in-place changes to Proxies and Hooks, applies to
/// the very next call.
/// </summary>
public class SessionOptionsSnapshotTests : WireMockTest
{
    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod())
        .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("twenty bytes of body"));

    private Task<Response> Get(Session session, bool async, string path = "/s")
        => Send.Either(async, () => session.Get(Url(path)), () => session.GetAsync(Url(path)));

    [Test]
    public async Task AResponseLimitSetBetweenCallsAppliesToTheNextCall([Values] bool async)
    {
        using var session = new Session();
        Assert.That((await Get(session, async)).Text, Is.EqualTo("twenty bytes of body"));

        session.MaxResponseBytes = 5;
        await Send.Throws<ResponseTooLargeException>(async, () => session.Get(Url("/s")), () => session.GetAsync(Url("/s")));

        session.MaxResponseBytes = null;
        Assert.That((await Get(session, async)).Text, Is.EqualTo("twenty bytes of body"));
    }

    [Test]
    public async Task ATimeoutSetBetweenCallsAppliesToTheNextCall([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/slow").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("late").WithDelay(TimeSpan.FromMilliseconds(1500)));
        using var session = new Session();
        await Get(session, async);

        session.Timeout = TimeSpan.FromMilliseconds(150);
        await Send.Throws<ReadTimeoutException>(async, () => session.Get(Url("/slow")), () => session.GetAsync(Url("/slow")));
    }

    [Test]
    public async Task AProxyAddedInPlaceBetweenCallsAppliesToTheNextCallAndRemovingItToTheOneAfter([Values] bool async)
    {
        using var session = new Session { TrustEnv = false };
        await Get(session, async);

        session.Proxies["http"] = $"http://127.0.0.1:{ClosedPort()}";
        var e = await Send.Throws<ProxyException>(async, () => session.Get(Url("/s")), () => session.GetAsync(Url("/s")));
        Assert.That(e.Message, Does.Contain("proxy"));

        session.Proxies.Clear();
        Assert.That((await Get(session, async)).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task AHookAddedBetweenCallsRunsOnTheNextCall([Values] bool async)
    {
        using var session = new Session();
        await Get(session, async, "/before");
        var seen = new List<string>();
        session.Hooks.Add((Response r) => seen.Add(r.Url));

        await Get(session, async, "/after");

        Assert.That(seen, Is.EqualTo(new[] { Url("/after") }));
    }

    [Test]
    public async Task ARedirectLimitSetBetweenCallsAppliesToTheNextCall([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/loop").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/loop"));
        using var session = new Session();
        await Get(session, async);

        session.MaxRedirects = 2;
        var e = await Send.Throws<TooManyRedirectsException>(async, () => session.Get(Url("/loop")), () => session.GetAsync(Url("/loop")));
        Assert.That(e.Message, Does.Contain("Exceeded 2 redirects"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
