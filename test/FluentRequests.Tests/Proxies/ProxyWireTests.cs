using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Proxies;

/// <summary>
/// Requests through a real forward proxy on loopback: absolute-form for http targets, CONNECT for https ones, with
/// and without the credentials of the proxy URL, chosen per session, per request, through the builder and from the
/// environment.
/// </summary>
public class ProxyWireTests : WireMockTest
{
    private const string Credentials = "Basic cHg6cCB3"; // "px:p w", from px:p%20w in the URL

    [SetUp]
    public void Answer()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).AtPriority(100).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("origin"));

    private static Session SessionWith(Dictionary<string, string> environment) => new() { EnvironmentSource = new DictionaryEnvironmentSource(environment) };

    [Test]
    public async Task SessionProxiesCarryPlainHttpInAbsoluteForm([Values] bool async)
    {
        await using var proxy = new ForwardProxy().Route("origin.test", BaseUrl);
        using var session = new Session();
        session.Proxies["http"] = proxy.Url;

        var response = await Send.Either(async, () => session.Get("http://origin.test/a?b=1"), () => session.GetAsync("http://origin.test/a?b=1"));

        Assert.That(response.Text, Is.EqualTo("origin"));
        Assert.That(proxy.Seen, Is.EqualTo(new[] { new ProxiedRequest("GET", "http://origin.test/a?b=1", null) }));
        Assert.That(LastRequest.Url, Does.EndWith("/a?b=1"));
    }

    [Test]
    public async Task RequestAndBuilderProxiesWork([Values] bool async)
    {
        await using var proxy = new ForwardProxy().Route("origin.test", BaseUrl);
        var proxies = new Dictionary<string, string> { ["all"] = proxy.Url };
        using var session = new Session();

        await Send.Either(async,
            () => Requests.Get("http://origin.test/one", proxies: proxies),
            () => Requests.GetAsync("http://origin.test/one", proxies: proxies));
        await Send.Either(async, () => session.Url("http://origin.test/two").WithProxies(proxies).Get(),
            () => session.Url("http://origin.test/two").WithProxies(proxies).GetAsync());

        Assert.That(proxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/one", "http://origin.test/two" }));
    }

    [Test]
    public async Task PlainHttpCarriesTheUrlCredentialsPreemptively([Values] bool async)
    {
        await using var proxy = new ForwardProxy(credentials: "px:p w").Route("origin.test", BaseUrl);
        var proxies = new Dictionary<string, string> { ["http"] = proxy.UrlWith("px:p%20w") };

        var response = await Send.Either(async,
            () => Requests.Get("http://origin.test/", proxies: proxies),
            () => Requests.GetAsync("http://origin.test/", proxies: proxies));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(proxy.Seen.Select(s => s.ProxyAuthorization), Is.EqualTo(new[] { Credentials }), "one request: no 407 round trip");
        Assert.That(LastRequest.Headers!.Keys, Has.None.EqualTo("Proxy-Authorization").IgnoreCase);
    }

    [Test]
    public async Task WithoutCredentialsTheProxys407IsTheResponse([Values] bool async)
    {
        await using var proxy = new ForwardProxy(credentials: "px:pw").Route("origin.test", BaseUrl);
        var proxies = new Dictionary<string, string> { ["http"] = proxy.Url };

        var response = await Send.Either(async,
            () => Requests.Get("http://origin.test/", proxies: proxies),
            () => Requests.GetAsync("http://origin.test/", proxies: proxies));

        Assert.That(response.StatusCode, Is.EqualTo(407), "as Requests: a plain-http 407 is a response, not an error");
    }

    [Test]
    public async Task TheEnvironmentProxyIsUsedAndNoProxyExemptsAHost([Values] bool async)
    {
        await using var proxy = new ForwardProxy().Route("origin.test", BaseUrl);
        using var session = SessionWith(new() { ["http_proxy"] = proxy.Url, ["NO_PROXY"] = "127.0.0.1" });

        var proxied = await Send.Either(async, () => session.Get("http://origin.test/via"), () => session.GetAsync("http://origin.test/via"));
        var direct = await Send.Either(async, () => session.Get(Url("/direct")), () => session.GetAsync(Url("/direct")));

        Assert.That(proxied.Text, Is.EqualTo("origin"));
        Assert.That(direct.Text, Is.EqualTo("origin"));
        Assert.That(proxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/via" }));
    }

    [Test]
    public async Task LoopbackGoesThroughTheProxyUnlessNoProxySaysOtherwise([Values] bool async)
    {
        await using var proxy = new ForwardProxy();
        using var session = SessionWith(new() { ["http_proxy"] = proxy.Url });

        await Send.Either(async, () => session.Get(Url("/loop")), () => session.GetAsync(Url("/loop")));

        Assert.That(proxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { Url("/loop") }), "as Requests: no implicit loopback exemption");
    }

    [Test]
    public async Task TrustEnvFalseIgnoresTheEnvironment([Values] bool async)
    {
        await using var proxy = new ForwardProxy();
        using var session = SessionWith(new() { ["http_proxy"] = proxy.Url, ["all_proxy"] = proxy.Url });
        session.TrustEnv = false;

        var response = await Send.Either(async, () => session.Get(Url("/x")), () => session.GetAsync(Url("/x")));

        Assert.That(response.Text, Is.EqualTo("origin"));
        Assert.That(proxy.Seen, Is.Empty);
    }

    [Test]
    public async Task ExplicitProxiesBeatTheEnvironment([Values] bool async)
    {
        await using var proxy = new ForwardProxy().Route("origin.test", BaseUrl);
        // The environment names a proxy that does not listen: using it would fail.
        using var session = SessionWith(new() { ["http_proxy"] = "http://127.0.0.1:9" });
        session.Proxies["all"] = proxy.Url;

        var viaSession = await Send.Either(async, () => session.Get("http://origin.test/s"), () => session.GetAsync("http://origin.test/s"));
        var direct = await Send.Either(async, () => session.Get(Url("/d"), proxies: new Dictionary<string, string> { ["http"] = "" }),
            () => session.GetAsync(Url("/d"), proxies: new Dictionary<string, string> { ["http"] = "" }));

        Assert.That(viaSession.Text, Is.EqualTo("origin"));
        Assert.That(direct.Text, Is.EqualTo("origin"), "an empty request proxy goes direct, past both session and environment");
        Assert.That(proxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/s" }));
    }

    [Test]
    public async Task ARedirectChoosesTheProxyAgainAndHonoursNoProxy([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/start")).AtPriority(1)
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", Url("/landing")));
        await using var proxy = new ForwardProxy(credentials: "px:pw").Route("origin.test", BaseUrl);
        using var session = SessionWith(new() { ["http_proxy"] = proxy.UrlWith("px:pw"), ["no_proxy"] = "127.0.0.1" });

        var response = await Send.Either(async, () => session.Get("http://origin.test/start"), () => session.GetAsync("http://origin.test/start"));

        Assert.That(response.Url, Is.EqualTo(Url("/landing")));
        Assert.That(proxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/start" }), "the redirect target is exempt: reached directly");
        Assert.That(LastRequest.Url, Does.EndWith("/landing"));
        Assert.That(LastRequest.Headers!.Keys, Has.None.EqualTo("Proxy-Authorization").IgnoreCase, "the proxy's credentials stay with the proxy");
    }

    [Test]
    public async Task AnUnreachableProxyIsAProxyExceptionNamingProxyAndTarget([Values] bool async)
    {
        var proxies = new Dictionary<string, string> { ["http"] = "http://px:secret@127.0.0.1:9" };

        var e = await Send.Throws<ProxyException>(async, () => Requests.Get(Url("/t"), proxies: proxies), () => Requests.GetAsync(Url("/t"), proxies: proxies));

        Assert.That(e.Message, Does.Contain("127.0.0.1:9").And.Contain(Url("/t")));
        Assert.That(e.Message, Does.Not.Contain("secret"));
        Assert.That(e.Request!.Url, Is.EqualTo(Url("/t")));
    }

    [Test]
    public async Task AProxyThatNeverAcceptsIsAConnectTimeoutNamingTheProxy([Values] bool async)
    {
        using var listener = new FullBacklogListener();
        var proxies = new Dictionary<string, string> { ["http"] = listener.Url };

        var e = await Send.Throws<ConnectTimeoutException>(async, () => Requests.Get(Url("/slow"), proxies: proxies, timeout: (0.5, 30)),
            () => Requests.GetAsync(Url("/slow"), proxies: proxies, timeout: (0.5, 30)));

        Assert.That(e.Message, Does.Contain("proxy " + listener.Url.TrimEnd('/')).And.Contain(Url("/slow")));
    }

    [Test]
    public async Task AnInvalidProxyFailsTheReturnedTaskNotTheCall()
    {
        var proxies = new Dictionary<string, string> { ["http"] = "http://:8080" };
        using var session = new Session();

        var fromRequests = Requests.GetAsync(Url("/"), proxies: proxies);
        var fromSession = session.GetAsync(Url("/"), proxies: proxies);
        var prepared = session.Prepare(new FluentRequests.Request("GET", Url("/")));
        var fromSend = session.SendAsync(prepared, proxies: proxies);

        foreach (var task in new[] { fromRequests, fromSession, fromSend })
        {
            var e = await Assert.ThrowsAsync<InvalidProxyUrlException>(async () => await task);
            Assert.That(e!.Message, Does.Contain("http://:8080"));
        }
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task AnInvalidUrlAndACancelledTokenAlsoFailTheTask()
    {
        var invalid = Requests.GetAsync("no scheme");
        var cancelled = Requests.GetAsync(Url("/"), cancellationToken: new CancellationToken(canceled: true));

        await Assert.ThrowsAsync<MissingSchemaException>(async () => await invalid);
        Assert.That(cancelled.IsCanceled, Is.True);
    }
}
