using System.Net;
using System.Net.Sockets;
using WireMock.Matchers;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FluentRequests.Testing.Tests.Recipes;

// docs/testing.md, "WireMock recipes": each test here is a recipe shown in the doc.
[Parallelizable(ParallelScope.Self)]
public sealed class WireMockRecipes
{
    private WireMockServer _server = null!;

    [SetUp]
    public void Start() => _server = WireMockServer.Start(); // port 0: a free port, so tests can run in parallel

    [TearDown]
    public void Stop() => _server.Stop();

    // A session for the test: TrustEnv = false keeps it direct even when CI exports http_proxy.
    private Session NewSession() => new() { BaseUrl = _server.Url + "/", TrustEnv = false };

    [Test]
    public void StubMatchAndAssertOnTheRequestLog()
    {
        _server.Given(WmRequest.Create().WithPath("/search").UsingGet()
                .WithParam("q", "ada")
                .WithHeader("Accept", "application/json"))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBodyAsJson(new { hits = 1 }));
        using var session = NewSession();

        var response = session.Get("search", @params: new { q = "ada" }, headers: new { Accept = "application/json" });

        Assert.That(response.Json().GetProperty("hits").GetInt32(), Is.EqualTo(1));
        var request = _server.LogEntries.Single().RequestMessage;
        Assert.That(request.Query!["q"].ToString(), Is.EqualTo("ada"));
        Assert.That(request.Headers!["User-Agent"].Single(), Does.StartWith("FluentRequests/"));
    }

    [Test]
    public void ADelayPastTheReadTimeoutIsAReadTimeoutException()
    {
        _server.Given(WmRequest.Create().WithPath("/slow"))
            .RespondWith(WmResponse.Create().WithDelay(TimeSpan.FromSeconds(5)));
        using var session = NewSession();

        Assert.That(() => session.Get("slow", timeout: (5.0, 0.3)), Throws.InstanceOf<ReadTimeoutException>());
    }

    [Test]
    public void WireMockNetsEmptyResponseIsAnEmpty200()
    {
        // Unlike Java WireMock's (a dropped connection), WireMock.Net's EMPTY_RESPONSE is a 200 with no body:
        // the call succeeds, and reading the body as JSON is what fails.
        _server.Given(WmRequest.Create().WithPath("/empty")).RespondWith(WmResponse.Create().WithFault(FaultType.EMPTY_RESPONSE));
        using var session = NewSession();

        var response = session.Get("empty");

        Assert.That((response.StatusCode, response.Content.Length), Is.EqualTo((200, 0)));
        Assert.That(() => response.Json(), Throws.InstanceOf<JsonDecodeException>());
    }

    [Test]
    public void WireMockNetsMalformedChunkIsA200OfRandomBytes()
    {
        // WireMock.Net's MALFORMED_RESPONSE_CHUNK sends random bytes in well-formed chunks: again a 200, whose body is garbage.
        _server.Given(WmRequest.Create().WithPath("/garbled"))
            .RespondWith(WmResponse.Create().WithBodyAsJson(new { ok = true }).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));
        using var session = NewSession();

        var response = session.Get("garbled");

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(() => response.Json(), Throws.InstanceOf<JsonDecodeException>());
    }

    [Test]
    public void ARedirectChainIsFollowedAndRecordedInHistory()
    {
        _server.Given(WmRequest.Create().WithPath("/a")).RespondWith(WmResponse.Create().WithStatusCode(301).WithHeader("Location", "/b"));
        _server.Given(WmRequest.Create().WithPath("/b")).RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/c"));
        _server.Given(WmRequest.Create().WithPath("/c")).RespondWith(WmResponse.Create().WithBody("end"));
        using var session = NewSession();

        var response = session.Get("a");

        Assert.That(response.Text, Is.EqualTo("end"));
        Assert.That(response.History.Select(r => r.StatusCode), Is.EqualTo(new[] { 301, 302 }));
        Assert.That(_server.LogEntries.Select(e => e.RequestMessage.Path), Is.EquivalentTo(new[] { "/a", "/b", "/c" }));
    }

    [Test]
    public void ACookieSetByTheServerIsSentBack()
    {
        _server.Given(WmRequest.Create().WithPath("/login"))
            .RespondWith(WmResponse.Create().WithStatusCode(204).WithHeader("Set-Cookie", "sid=abc123; Path=/"));
        _server.Given(WmRequest.Create().WithPath("/me").WithCookie("sid", new ExactMatcher("abc123")))
            .RespondWith(WmResponse.Create().WithBody("ada"));
        using var session = NewSession();

        session.Post("login");
        var me = session.Get("me");

        Assert.That((me.StatusCode, me.Text), Is.EqualTo((200, "ada")));
        Assert.That(session.Cookies["sid"], Is.EqualTo("abc123"));
    }

    [Test]
    public void WithHttpProxySetASessionGoesToTheProxyUnlessKeptDirect()
    {
        _server.Given(WmRequest.Create().WithPath("/ping")).RespondWith(WmResponse.Create().WithBody("pong"));
        // As on a CI machine that exports http_proxy (here a proxy that is not listening). The session reads this
        // environment instead of the process's, so parallel tests are not affected.
        var ciEnvironment = EnvironmentSource.From(new Dictionary<string, string> { ["http_proxy"] = $"http://127.0.0.1:{ClosedPort()}" });
        string url = _server.Url + "/ping";

        using var naive = new Session { EnvironmentSource = ciEnvironment };
        using var direct = new Session { EnvironmentSource = ciEnvironment, TrustEnv = false };
        using var exempted = new Session
        {
            EnvironmentSource = EnvironmentSource.From(new Dictionary<string, string>
            {
                ["http_proxy"] = $"http://127.0.0.1:{ClosedPort()}",
                ["NO_PROXY"] = "127.0.0.1,localhost",
            }),
        };

        Assert.That(() => naive.Get(url), Throws.InstanceOf<ProxyException>().With.Message.StartsWith("Unable to connect to proxy"));
        Assert.That(direct.Get(url).Text, Is.EqualTo("pong"));
        Assert.That(exempted.Get(url).Text, Is.EqualTo("pong"));
        Assert.That(_server.LogEntries.Count(), Is.EqualTo(2));
    }

    [Test]
    public void TheFakeIsNeverAffectedByProxySettings()
    {
        using var http = new FakeHttp();
        http.RespondWith("fake");
        using var session = new Session
        {
            EnvironmentSource = EnvironmentSource.From(new Dictionary<string, string> { ["http_proxy"] = $"http://127.0.0.1:{ClosedPort()}" }),
        };

        Assert.That(session.Get("http://api.example.com/").Text, Is.EqualTo("fake"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
