using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FluentRequests.Tests.Redirects;

/// <summary>
/// Proxy-Authorization, as Requests' rebuild_proxies: a plain-http request through a proxy whose URL holds
/// credentials carries them; on every redirect the header is dropped and rebuilt only from the proxy configured
/// for the new URL, so it never reaches an origin server or a proxy it was not meant for.
/// </summary>
public class ProxyAuthorizationTests : WireMockTest
{
    private const string ProxyCredentials = "Basic cHg6cHc="; // px:pw

    /// <summary>What the proxy received: the absolute target and the Proxy-Authorization header, if any.</summary>
    private sealed record Seen(string Target, string? ProxyAuthorization);

    /// <summary>
    /// A forward proxy that routes the made-up hosts origin.test and elsewhere.test to the WireMock server, where
    /// <c>/start</c> redirects to <paramref name="location"/> and anything else is 200.
    /// </summary>
    private (ForwardProxy Proxy, IEnumerable<Seen> Seen) StartProxy(string location)
    {
        Server.Given(WmRequest.Create().WithPath("/start").UsingAnyMethod()).AtPriority(1)
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", location));
        Server.Given(WmRequest.Create().UsingAnyMethod()).AtPriority(10).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("proxied"));
        var proxy = new ForwardProxy().Route("origin.test", BaseUrl).Route("elsewhere.test", BaseUrl);
        return (proxy, proxy.Seen.Select(s => new Seen(s.Target, s.ProxyAuthorization)));
    }

    private static string WithCredentials(string proxyUrl) => proxyUrl.Replace("http://", "http://px:pw@");

    private void Landing()
        => Server.Given(WmRequest.Create().WithPath("/landing").UsingAnyMethod())
            .AtPriority(1)
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("direct"));

    [Test]
    public async Task ProxyUrlCredentialsAreSentToAPlainHttpProxy([Values] bool async)
    {
        var (proxy, seen) = StartProxy("/unused");
        await using var _ = proxy;
        var proxies = new Dictionary<string, string> { ["http"] = WithCredentials(proxy.Url) };

        var response = await Send.Either(async,
            () => Requests.Get("http://origin.test/page", proxies: proxies),
            () => Requests.GetAsync("http://origin.test/page", proxies: proxies));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(seen, Is.EqualTo(new[] { new Seen("http://origin.test/page", ProxyCredentials) }));
    }

    [Test]
    public async Task ProxyUrlCredentialsStayWithTheProxyWhenARedirectLeavesIt([Values] bool async)
    {
        Landing();
        var (proxy, seen) = StartProxy(LocalhostUrl + "/landing");
        await using var _ = proxy;
        // Only origin.test goes through the proxy; the redirect target (another host and port) is reached directly.
        var proxies = new Dictionary<string, string> { ["http://origin.test"] = WithCredentials(proxy.Url) };

        var response = await Send.Either(async,
            () => Requests.Get("http://origin.test/start", proxies: proxies),
            () => Requests.GetAsync("http://origin.test/start", proxies: proxies));

        Assert.That(response.Text, Is.EqualTo("direct"));
        Assert.That(seen, Is.EqualTo(new[] { new Seen("http://origin.test/start", ProxyCredentials) }));
        Assert.That(LastRequest.Header("Proxy-Authorization"), Is.Null, "the origin never sees the proxy's credentials");
        Assert.That(response.Request.Headers.ContainsKey("Proxy-Authorization"), Is.False);
    }

    [Test]
    public async Task HandSetProxyAuthorizationDoesNotFollowARedirectToAnotherHostAndPort([Values] bool async)
    {
        Landing();
        var (proxy, seen) = StartProxy(LocalhostUrl + "/landing");
        await using var _ = proxy;
        var proxies = new Dictionary<string, string> { ["http://origin.test"] = proxy.Url };
        var headers = new Dictionary<string, string> { ["Proxy-Authorization"] = "Basic aGFuZDpzZXQ=" };

        var response = await Send.Either(async,
            () => Requests.Get("http://origin.test/start", proxies: proxies, headers: headers),
            () => Requests.GetAsync("http://origin.test/start", proxies: proxies, headers: headers));

        Assert.That(response.Text, Is.EqualTo("direct"));
        Assert.That(seen.Single().ProxyAuthorization, Is.EqualTo("Basic aGFuZDpzZXQ="), "the first hop goes as the caller asked");
        Assert.That(LastRequest.Header("Proxy-Authorization"), Is.Null);
    }

    [Test]
    public async Task ARedirectThroughTheSameProxyCarriesOnlyTheProxyUrlCredentials([Values] bool async)
    {
        var (proxy, seen) = StartProxy("http://elsewhere.test/landing");
        await using var _ = proxy;
        var proxies = new Dictionary<string, string> { ["http"] = WithCredentials(proxy.Url) };
        var headers = new Dictionary<string, string> { ["Proxy-Authorization"] = "Basic aGFuZDpzZXQ=" };

        await Send.Either(async,
            () => Requests.Get("http://origin.test/start", proxies: proxies, headers: headers),
            () => Requests.GetAsync("http://origin.test/start", proxies: proxies, headers: headers));

        Assert.That(seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/start", "http://elsewhere.test/landing" }));
        Assert.That(seen.Select(s => s.ProxyAuthorization), Is.All.EqualTo(ProxyCredentials));
    }

    [Test]
    public async Task ARedirectThroughAProxyWithoutCredentialsCarriesNone([Values] bool async)
    {
        var (proxy, seen) = StartProxy("/landing");
        await using var _ = proxy;
        var proxies = new Dictionary<string, string> { ["http"] = proxy.Url };
        var headers = new Dictionary<string, string> { ["Proxy-Authorization"] = "Basic aGFuZDpzZXQ=" };

        await Send.Either(async,
            () => Requests.Get("http://origin.test/start", proxies: proxies, headers: headers),
            () => Requests.GetAsync("http://origin.test/start", proxies: proxies, headers: headers));

        Assert.That(seen.Select(s => s.Target), Is.EqualTo(new[] { "http://origin.test/start", "http://origin.test/landing" }));
        Assert.That(seen.Select(s => s.ProxyAuthorization), Is.EqualTo(new[] { "Basic aGFuZDpzZXQ=", null }), "rebuilt from the proxy URL, which has none");
    }

    [Test]
    public async Task SendingAPreparedRequestThroughAProxyLeavesItUnchanged([Values] bool async)
    {
        var (proxy, seen) = StartProxy("/unused");
        await using var _ = proxy;
        using var session = new Session();
        session.Proxies["http"] = WithCredentials(proxy.Url);
        var prepared = session.Prepare(new FluentRequests.Request("GET", "http://origin.test/page"));

        await Send.Either(async, () => session.Send(prepared), () => session.SendAsync(prepared));

        Assert.That(seen.Single().ProxyAuthorization, Is.EqualTo(ProxyCredentials));
        Assert.That(prepared.Headers.ContainsKey("Proxy-Authorization"), Is.False);
    }

    // Requests' get_auth_from_url + proxy_headers: a user and a password (empty counts), percent-decoded; never for an
    // https target, which is tunnelled to the origin, nor for a SOCKS proxy, which authenticates in its handshake.
    [TestCase("http://u:p@proxy.test:3128", "http://a.test/", "Basic dTpw")]
    [TestCase("http://u%40x:p%3Aq@proxy.test:3128", "http://a.test/", "Basic dUB4OnA6cQ==")]
    [TestCase("http://u:p@proxy.test:3128", "https://a.test/", null)]
    [TestCase("http://u@proxy.test:3128", "http://a.test/", null)]
    [TestCase("http://u:@proxy.test:3128", "http://a.test/", "Basic dTo=")]
    [TestCase("http://:p@proxy.test:3128", "http://a.test/", null)]
    [TestCase("socks5://u:p@proxy.test:1080", "http://a.test/", null)]
    [TestCase("http://proxy.test:3128", "http://a.test/", null)]
    public void HeaderIsBuiltFromTheSelectedProxyUrl(string proxyUrl, string target, string? expected)
    {
        var proxies = new Dictionary<string, string> { ["all"] = proxyUrl };

        var uri = new Uri(target);

        Assert.That(ProxyAuthorization.For(ProxySelector.Select(proxies, uri), uri), Is.EqualTo(expected));
    }
}
