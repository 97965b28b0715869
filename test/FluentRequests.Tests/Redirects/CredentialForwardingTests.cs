using WireMock;
using WireMock.Server;

namespace FluentRequests.Tests.Redirects;

/// <summary>
/// Which credentials follow a redirect to the same host, another port and another host: Requests'
/// should_strip_auth for Authorization, rebuild_proxies for Proxy-Authorization, RFC 6265 for cookies, and
/// per-request cookies kept to their host (where Requests would carry them anywhere).
/// </summary>
public class CredentialForwardingTests : WireMockTest
{
    public enum Target { SameHost, OtherPort, OtherHost }

    /// <summary>A credential, how to send it, where it shows on the wire, and where it may go after a redirect.</summary>
    public sealed record Credential(
        string Name, Func<string, bool, Task<Response>> SendTo, string Header, string Expected, Target[] ReachesAfterRedirect)
    {
        public override string ToString() => Name;
    }

    private static readonly Target[] Everywhere = [Target.SameHost, Target.OtherPort, Target.OtherHost];
    private static readonly Target[] SameOrigin = [Target.SameHost];
    private static readonly Target[] SameHost = [Target.SameHost, Target.OtherPort];
    private static readonly Target[] Nowhere = [];

    private static Task<Response> Get(Session session, string url, bool async, Auth? auth = null, object? headers = null, object? cookies = null)
        => Send.Either(async,
            () => session.Get(url, auth: auth, headers: headers, cookies: cookies),
            () => session.GetAsync(url, auth: auth, headers: headers, cookies: cookies));

    private const string NoProxyAuthorization = "Proxy-Authorization header, no proxy";

    public static IEnumerable<Credential> Credentials()
    {
        yield return new("auth tuple", (url, async) => Get(new Session(), url, async, auth: ("u", "p")),
            "Authorization", "Basic dTpw", SameOrigin);
        yield return new("Authorization header", (url, async) => Get(new Session(), url, async, headers: new { Authorization = "Token t0" }),
            "Authorization", "Token t0", SameOrigin);
        yield return new("Session.Auth", (url, async) => Get(new Session { Auth = Auth.Basic("s", "p") }, url, async),
            "Authorization", "Basic czpw", SameOrigin);
        yield return new("Bearer", (url, async) => Get(new Session(), url, async, auth: Auth.Bearer("b3")),
            "Authorization", "Bearer b3", SameOrigin);
        yield return new("user:pass@ in the URL", (url, async) => Get(new Session(), url.Replace("http://", "http://u:p@"), async),
            "Authorization", "Basic dTpw", SameOrigin);
        // Requests sends a hand-set one to the origin when no proxy is used, and rebuild_proxies drops it on every redirect;
        // here a proxy credential is sent only to a proxy that reads it, so with no proxy it goes nowhere, not even first
        // (through a proxy: Proxies/ProxyAuthorizationTests, ProxyTunnelTests).
        yield return new(NoProxyAuthorization,
            (url, async) => Get(new Session(), url, async, headers: new Dictionary<string, string> { ["Proxy-Authorization"] = "Basic cHg6cHc=" }),
            "Proxy-Authorization", "Basic cHg6cHc=", Nowhere);
        // Requests sends these to whatever host a redirect leads to; they belong to the host they were given for.
        yield return new("per-request cookie", (url, async) => Get(new Session(), url, async, cookies: new { once = "1" }),
            "Cookie", "once=1", SameHost);
        yield return new("per-request CookieJar", (url, async) =>
        {
            var jar = new CookieJar();
            jar["once"] = "2";
            return Get(new Session(), url, async, cookies: jar);
        }, "Cookie", "once=2", SameHost);
        yield return new("session cookie scoped to a domain", (url, async) =>
        {
            var session = new Session();
            session.Cookies.Set("scoped", "1", domain: "127.0.0.1");
            return Get(session, url, async);
        }, "Cookie", "scoped=1", SameHost);
        yield return new("host-only Set-Cookie from the redirect", (url, async) => Get(new Session(), url, async),
            "Cookie", "hostonly=1", SameHost);
        // Requests' jar.set(name, value): no domain, sent to every host. Kept, so nothing is stripped that Requests keeps.
        yield return new("session cookie without a domain", (url, async) =>
        {
            var session = new Session();
            session.Cookies["everywhere"] = "1";
            return Get(session, url, async);
        }, "Cookie", "everywhere=1", Everywhere);
    }

    private WireMockServer _otherPort = null!;

    [OneTimeSetUp]
    public void StartOtherPort() => _otherPort = WireMockServer.Start();

    [OneTimeTearDown]
    public void StopOtherPort() => _otherPort.Stop();

    [SetUp]
    public void Stub()
    {
        _otherPort.Reset();
        foreach (var server in new[] { Server, _otherPort })
        {
            server.Given(WmRequest.Create().WithPath("/landing").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));
        }
    }

    private string LandingUrl(Target target) => target switch
    {
        Target.SameHost => Url("/landing"),
        Target.OtherPort => $"http://127.0.0.1:{_otherPort.Port}/landing",
        _ => LocalhostUrl + "/landing",
    };

    private IRequestMessage Landing(Target target)
        => target == Target.OtherPort
            ? _otherPort.LogEntries.Single().RequestMessage
            : Received.Single(e => e.RequestMessage.Path == "/landing").RequestMessage;

    private static bool Carries(IRequestMessage request, Credential credential) => Carries(request.Header(credential.Header), credential);

    private static bool Carries(string? value, Credential credential)
    {
        if (value is null) return false;
        return credential.Header == "Cookie"
            ? value.Split(';', StringSplitOptions.TrimEntries).Contains(credential.Expected)
            : value == credential.Expected;
    }

    [Test]
    public async Task CredentialsGoWhereRequestsSendsThemAndNoFurther(
        [ValueSource(nameof(Credentials))] Credential credential, [Values] Target target, [Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/start").UsingAnyMethod())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", LandingUrl(target)).WithHeader("Set-Cookie", "hostonly=1; Path=/"));

        var response = await credential.SendTo(Url("/start"), async);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.History, Has.Length.EqualTo(1));
        var first = Received.First().RequestMessage;
        var landing = Landing(target);
        if (credential.Name == NoProxyAuthorization)
        {
            Assert.That(first.Header(credential.Header), Is.Null, "a proxy credential is not sent to an origin server");
        }
        else if (credential.Name != "host-only Set-Cookie from the redirect")
        {
            Assert.That(Carries(first, credential), Is.True, $"the first request carries {credential.Header}: {first.Header(credential.Header)}");
        }
        bool expected = credential.ReachesAfterRedirect.Contains(target);
        Assert.That(Carries(landing, credential), Is.EqualTo(expected),
            $"{credential.Name} after a redirect to {target} ({landing.Host}:{landing.Port}): {credential.Header} was '{landing.Header(credential.Header)}'");
        Assert.That(Carries(response.Request.Headers[credential.Header], credential), Is.EqualTo(expected), "Response.Request shows what was sent");
    }
}
