using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Proxies;

/// <summary>
/// Which proxies key a request goes through, seen at two real forward proxies: Requests' select_proxy tries
/// <c>scheme://host</c>, then <c>scheme</c>, then <c>all://host</c>, then <c>all</c>; a host key names one scheme and
/// one host. The host names do not resolve: the proxies route them to loopback origins (http and https).
/// </summary>
public class ProxyKeyPrecedenceWireTests
{
    private KestrelServer _http = null!;
    private KestrelServer _https = null!;

    [OneTimeSetUp]
    public async Task StartOrigins()
    {
        RequestDelegate answer = context => context.Response.WriteAsync($"{context.Request.Scheme} {context.Request.Host.Host}{context.Request.Path}");
        _http = await KestrelServer.StartAsync(answer);
        _https = await KestrelServer.StartAsync(
            answer, options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server), https: true);
    }

    [OneTimeTearDown]
    public async Task StopOrigins()
    {
        await _http.DisposeAsync();
        await _https.DisposeAsync();
    }

    /// <param name="secureTestTo">Where this proxy sends secure.test: the https origin by default.</param>
    private ForwardProxy Proxy(KestrelServer? secureTestTo = null) => new ForwardProxy()
        .Route("origin.test", _http.BaseUrl).Route("other.test", _http.BaseUrl).Route("secure.test", (secureTestTo ?? _https).BaseUrl);

    private static Task<Response> Get(Session session, string url, bool async)
        => Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

    [Test]
    public async Task TheSchemeKeyBeatsAnAllHostKey([Values] bool async)
    {
        await using var hostProxy = Proxy();
        await using var schemeProxy = Proxy();
        using var session = new Session { Proxies = { ["all://origin.test"] = hostProxy.Url, ["http"] = schemeProxy.Url } };

        var response = await Get(session, "http://origin.test/one", async);

        Assert.That(response.Text, Is.EqualTo("http origin.test/one"));
        Assert.That(schemeProxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/one" }));
        Assert.That(hostProxy.Seen, Is.Empty, "all://host is tried after the scheme key, as in Requests");
    }

    [Test]
    public async Task AnAllHostKeyServesItsHostWhenNoSchemeKeyMatches([Values] bool async)
    {
        await using var hostProxy = Proxy();
        await using var generalProxy = Proxy();
        using var session = new Session
        {
            Verify = false,
            Proxies = { ["all://secure.test"] = hostProxy.Url, ["http"] = generalProxy.Url, ["all"] = generalProxy.Url },
        };

        var response = await Get(session, "https://secure.test/tls", async);

        Assert.That(response.Text, Is.EqualTo("https secure.test/tls"));
        Assert.That(hostProxy.Seen.Select(s => s.Method + " " + s.Target), Is.EqualTo(new[] { "CONNECT secure.test:443" }));
        Assert.That(generalProxy.Seen, Is.Empty, "all://host is tried before all");
    }

    [Test]
    public async Task ASchemeHostKeyBeatsAllOnlyForItsScheme([Values] bool async)
    {
        await using var hostProxy = Proxy();
        // Only a plain-http request for secure.test should reach this proxy: it routes the host to the http origin.
        await using var generalProxy = Proxy(secureTestTo: _http);
        using var session = new Session { Verify = false, Proxies = { ["https://secure.test"] = hostProxy.Url, ["all"] = generalProxy.Url } };

        var secure = await Get(session, "https://secure.test/s", async);
        var plain = await Get(session, "http://secure.test/p", async);

        Assert.That(secure.Text, Is.EqualTo("https secure.test/s"));
        Assert.That(plain.Text, Is.EqualTo("http secure.test/p"));
        Assert.That(hostProxy.Seen.Select(s => s.Method + " " + s.Target), Is.EqualTo(new[] { "CONNECT secure.test:443" }));
        Assert.That(generalProxy.Seen.Select(s => s.Method + " " + s.Target), Is.EqualTo(new[] { "GET http://secure.test/p" }),
            "an https:// key does not apply to http");
    }

    [Test]
    public async Task AHostKeyForAnotherHostDoesNotApply([Values] bool async)
    {
        await using var hostProxy = Proxy();
        await using var schemeProxy = Proxy();
        await using var allProxy = Proxy();
        using var session = new Session
        {
            Proxies = { ["http://other.test"] = hostProxy.Url, ["all://other.test"] = hostProxy.Url, ["http"] = schemeProxy.Url, ["all"] = allProxy.Url },
        };

        var mine = await Get(session, "http://origin.test/mine", async);
        var other = await Get(session, "http://other.test/theirs", async);

        Assert.That(mine.Text, Is.EqualTo("http origin.test/mine"));
        Assert.That(other.Text, Is.EqualTo("http other.test/theirs"));
        Assert.That(schemeProxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/mine" }));
        Assert.That(hostProxy.Seen.Select(s => s.Target), Is.EqualTo(new[] { "http://other.test/theirs" }));
        Assert.That(allProxy.Seen, Is.Empty);
    }
}
