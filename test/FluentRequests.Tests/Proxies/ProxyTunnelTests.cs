using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Proxies;

/// <summary>
/// https targets through CONNECT (the proxy's credentials go on the CONNECT only, after its 407 challenge, never to
/// the origin) and through SOCKS4/4a/5/5h, against a Kestrel origin that records the headers it received.
/// </summary>
public class ProxyTunnelTests
{
    private KestrelServer _https = null!;
    private KestrelServer _http = null!;
    private readonly ConcurrentQueue<string?> _originProxyAuthorization = new();

    [OneTimeSetUp]
    public async Task StartOrigins()
    {
        RequestDelegate answer = async context =>
        {
            var proxyAuthorization = context.Request.Headers.ProxyAuthorization;
            _originProxyAuthorization.Enqueue(proxyAuthorization.Count > 0 ? proxyAuthorization.ToString() : null);
            await context.Response.WriteAsync("tunnelled " + context.Request.Path);
        };
        _https = await KestrelServer.StartAsync(
            answer, options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server), https: true);
        _http = await KestrelServer.StartAsync(answer);
    }

    [OneTimeTearDown]
    public async Task StopOrigins()
    {
        await _https.DisposeAsync();
        await _http.DisposeAsync();
    }

    private static Session Insecure(string proxy) => new() { Verify = false, Proxies = { ["all"] = proxy } };

    private string HttpsPort => new Uri(_https.BaseUrl).Port.ToString();

    [Test]
    public async Task CredentialsGoOnTheConnectOnlyAfterTheChallenge([Values] bool async)
    {
        await using var proxy = new ForwardProxy(credentials: "px:p w");
        using var session = Insecure(proxy.UrlWith("px:p%20w"));
        _originProxyAuthorization.Clear();

        var response = await Send.Either(async, () => session.Get(_https.Url("/secret")), () => session.GetAsync(_https.Url("/secret")));

        Assert.That(response.Text, Is.EqualTo("tunnelled /secret"));
        Assert.That(proxy.Seen, Is.EqualTo(new[]
        {
            new ProxiedRequest("CONNECT", "127.0.0.1:" + HttpsPort, null),
            new ProxiedRequest("CONNECT", "127.0.0.1:" + HttpsPort, "Basic cHg6cCB3"),
        }), "challenge-driven: the first CONNECT goes without, the answer to 407 with");
        Assert.That(_originProxyAuthorization, Is.EqualTo(new string?[] { null }), "the origin never sees the proxy's credentials");
    }

    [Test]
    public async Task AHandSetProxyAuthorizationNeverReachesTheOriginThroughATunnel([Values] bool async)
    {
        await using var proxy = new ForwardProxy();
        using var session = Insecure(proxy.Url);
        _originProxyAuthorization.Clear();
        var headers = new Dictionary<string, string> { ["Proxy-Authorization"] = "Basic c2VjcmV0OnNlY3JldA==" };

        var response = await Send.Either(async,
            () => session.Get(_https.Url("/handset"), headers: headers), () => session.GetAsync(_https.Url("/handset"), headers: headers));

        Assert.That(response.Text, Is.EqualTo("tunnelled /handset"));
        Assert.That(_originProxyAuthorization, Is.EqualTo(new string?[] { null }), "inside the tunnel only the origin would read it");
    }

    [Test]
    public async Task AHandSetProxyAuthorizationIsNotSentWithoutAProxy([Values] bool async)
    {
        using var session = new Session();
        _originProxyAuthorization.Clear();
        var headers = new Dictionary<string, string> { ["Proxy-Authorization"] = "Basic c2VjcmV0OnNlY3JldA==" };

        await Send.Either(async, () => session.Get(_http.Url("/direct"), headers: headers), () => session.GetAsync(_http.Url("/direct"), headers: headers));

        Assert.That(_originProxyAuthorization, Is.EqualTo(new string?[] { null }));
    }

    [Test]
    public async Task ATunnelWithoutCredentialsNeedsNone([Values] bool async)
    {
        await using var proxy = new ForwardProxy();
        using var session = Insecure(proxy.Url);

        var response = await Send.Either(async, () => session.Get(_https.Url("/open")), () => session.GetAsync(_https.Url("/open")));

        Assert.That(response.Text, Is.EqualTo("tunnelled /open"));
        Assert.That(proxy.Seen.Single(), Is.EqualTo(new ProxiedRequest("CONNECT", "127.0.0.1:" + HttpsPort, null)));
    }

    [TestCase(407, null)]
    [TestCase(407, "px:wrong")]
    [TestCase(403, null)]
    public async Task ARefusedConnectIsAProxyExceptionNamingProxyAndTarget(int status, string? userInfo)
    {
        foreach (bool async in new[] { false, true })
        {
            await using var proxy = status == 403 ? new ForwardProxy(refuseConnectWith: 403) : new ForwardProxy(credentials: "px:pw");
            using var session = Insecure(userInfo is null ? proxy.Url : proxy.UrlWith(userInfo));
            string url = _https.Url("/refused");

            var e = await Send.Throws<ProxyException>(async, () => session.Get(url), () => session.GetAsync(url));

            Assert.That(e.Message, Does.Contain(proxy.Url).And.Contain(url).And.Contain(status.ToString()));
            Assert.That(e.Message, Does.Not.Contain("wrong"));
        }
    }

    // .NET's socks5 sends the host name for the proxy to resolve, so socks5:// and socks5h:// both resolve remotely;
    // socks4 resolves locally and sends an address; socks4a sends the name.
    [TestCase("socks5h", 5, "domain")]
    [TestCase("socks5", 5, "domain")]
    [TestCase("socks4a", 4, "domain")]
    public async Task SocksProxiesTunnelByName(string scheme, int version, string kind)
    {
        foreach (bool async in new[] { false, true })
        {
            await using var socks = new SocksServer().Route("origin.test", _http.BaseUrl);
            var proxies = new Dictionary<string, string> { ["http"] = socks.Url(scheme) };

            var response = await Send.Either(async, () => Requests.Get("http://origin.test/s", proxies: proxies),
                () => Requests.GetAsync("http://origin.test/s", proxies: proxies));

            Assert.That(response.Text, Is.EqualTo("tunnelled /s"));
            Assert.That(socks.Seen.Single(), Is.EqualTo(new SocksRequest(version, kind, "origin.test", 80, null, null)));
        }
    }

    [Test]
    public async Task Socks4SendsAnAddress([Values] bool async)
    {
        await using var socks = new SocksServer();
        var proxies = new Dictionary<string, string> { ["http"] = socks.Url("socks4", "agent:unused") };
        int port = new Uri(_http.BaseUrl).Port;

        var response = await Send.Either(async, () => Requests.Get($"http://localhost:{port}/four", proxies: proxies),
            () => Requests.GetAsync($"http://localhost:{port}/four", proxies: proxies));

        Assert.That(response.Text, Is.EqualTo("tunnelled /four"));
        Assert.That(socks.Seen.Single().AddressKind, Is.EqualTo("ipv4"));
        Assert.That(socks.Seen.Single().Version, Is.EqualTo(4));
        Assert.That(socks.Seen.Single().User, Is.EqualTo("agent"), "the URL's user is the SOCKS4 user id");
    }

    [Test]
    public async Task Socks5CarriesTheUrlCredentialsAndHttpsThroughIt([Values] bool async)
    {
        await using var socks = new SocksServer(credentials: ("sx", "p w"));
        using var session = Insecure(socks.Url("socks5h", "sx:p%20w"));
        _originProxyAuthorization.Clear();

        var response = await Send.Either(async, () => session.Get(_https.Url("/socks")), () => session.GetAsync(_https.Url("/socks")));

        Assert.That(response.Text, Is.EqualTo("tunnelled /socks"));
        Assert.That(socks.Seen.Single() is { User: "sx", Password: "p w", Version: 5 });
        Assert.That(_originProxyAuthorization, Is.EqualTo(new string?[] { null }));
    }

    [Test]
    public async Task ASocksProxyRefusingTheCredentialsIsAProxyException([Values] bool async)
    {
        await using var socks = new SocksServer(credentials: ("sx", "right"));
        var proxies = new Dictionary<string, string> { ["http"] = socks.Url("socks5", "sx:wrong") };
        string url = _http.Url("/nope");

        var e = await Send.Throws<ProxyException>(async, () => Requests.Get(url, proxies: proxies), () => Requests.GetAsync(url, proxies: proxies));

        Assert.That(e.Message, Does.Contain(url).And.Contain($"127.0.0.1:{socks.Port}"));
    }
}
