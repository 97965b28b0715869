namespace FluentRequests.Tests.Proxies;

/// <summary>
/// Which proxy a URL goes through: Requests' select_proxy over the explicit proxies, then the environment's
/// (http_proxy, https_proxy, all_proxy, NO_PROXY), with the explicit ones always winning.
/// </summary>
public class ProxySelectionTests
{
    /// <summary>The proxy a call's hop to <paramref name="url"/> takes; the call started at <paramref name="firstUrl"/> (default: the same URL).</summary>
    private static string? Choose(string url, Dictionary<string, string>? proxies = null, Dictionary<string, string>? environment = null,
        string? firstUrl = null)
    {
        var session = new Session
        {
            TrustEnv = environment is not null,
            EnvironmentSource = new DictionaryEnvironmentSource(environment ?? new Dictionary<string, string>()),
        };
        var options = session.MergeOptions(new RequestArgs { Proxies = proxies }, allowRedirectsDefault: true, new Uri(firstUrl ?? url));
        return options.ProxyFor(new Uri(url));
    }

    private static readonly Dictionary<string, string> AllKeys = new()
    {
        ["http://a.test"] = "host-scheme:1",
        ["http"] = "scheme:1",
        ["all://a.test"] = "all-host:1",
        ["all"] = "all:1",
    };

    // select_proxy: scheme://host, then scheme, then all://host, then all.
    [TestCase("http://a.test/x", "http://host-scheme:1")]
    [TestCase("http://b.test/x", "http://scheme:1")]
    [TestCase("https://a.test/x", "http://all-host:1")]
    [TestCase("https://b.test/x", "http://all:1")]
    public void TheMostSpecificKeyWins(string url, string expected)
        => Assert.That(Choose(url, AllKeys), Is.EqualTo(expected));

    // Two keys at a time: which one applies, or neither. A host key names one host (without its port) and one scheme.
    [TestCase("http://a.test/x", "all://a.test", "http", "http://second:1")] // the scheme beats all://host
    [TestCase("https://a.test/x", "all://a.test", "http", "http://first:1")] // all://host when no scheme key matches
    [TestCase("https://a.test:8443/x", "https://a.test", "all", "http://first:1")] // scheme://host beats all, whatever the port
    [TestCase("http://a.test/x", "https://a.test", "all", "http://second:1")] // https://host does not apply to http
    [TestCase("http://b.test/x", "http://a.test", "http", "http://second:1")] // a scheme://host key for another host
    [TestCase("http://b.test/x", "all://a.test", "all", "http://second:1")] // an all://host key for another host
    [TestCase("http://b.test/x", "all://a.test", "https", null)] // no key applies, direct
    public void OneOfTwoKeysApplies(string url, string firstKey, string secondKey, string? expected)
        => Assert.That(Choose(url, new() { [firstKey] = "first:1", [secondKey] = "second:1" }), Is.EqualTo(expected));

    [TestCase("proxy.test:3128", "http://proxy.test:3128")]
    [TestCase("user:pw@proxy.test:3128", "http://user:pw@proxy.test:3128")]
    [TestCase("https://proxy.test:3128", "https://proxy.test:3128")]
    [TestCase("socks5h://proxy.test:1080", "socks5h://proxy.test:1080")]
    public void AProxyWithoutSchemeGetsHttp(string proxy, string expected)
        => Assert.That(Choose("http://a.test/", new() { ["http"] = proxy }), Is.EqualTo(expected));

    [TestCase("http://:8080")]
    [TestCase("http:/bad:3128")]
    [TestCase("ftp://proxy.test:21")]
    [TestCase("http://")]
    public void AProxyWithoutHostIsInvalid(string proxy)
    {
        var e = Assert.Throws<InvalidProxyUrlException>(() => Choose("http://a.test/", new() { ["http"] = proxy }));
        Assert.That(e!.Message, Does.Contain(proxy));
    }

    [Test]
    public void AnInvalidProxyMessageHidesItsPassword()
    {
        var e = Assert.Throws<InvalidProxyUrlException>(() => Choose("http://a.test/", new() { ["http"] = "ftp://u:secret@proxy.test" }));
        Assert.That(e!.Message, Does.Not.Contain("secret"));
        Assert.That(e.Message, Does.Contain("ftp://u:***@proxy.test"));
    }

    [TestCase("")]
    [TestCase("no")]
    [TestCase("NO")]
    public void AnEmptyOrNoValueGoesDirectAndStopsTheSearch(string value)
    {
        var proxies = new Dictionary<string, string> { ["https"] = value, ["all"] = "all.test:1" };

        Assert.That(Choose("https://a.test/", proxies), Is.Null, "the https key decides; all is not consulted");
        Assert.That(Choose("http://a.test/", proxies), Is.EqualTo("http://all.test:1"));
    }

    [Test]
    public void TheEnvironmentGivesAProxyPerScheme()
    {
        var environment = new Dictionary<string, string> { ["http_proxy"] = "plain.test:1", ["https_proxy"] = "http://tls.test:2" };

        Assert.That(Choose("http://a.test/", environment: environment), Is.EqualTo("http://plain.test:1"));
        Assert.That(Choose("https://a.test/", environment: environment), Is.EqualTo("http://tls.test:2"));
    }

    [Test]
    public void AllProxyCoversSchemesWithoutTheirOwn()
    {
        var environment = new Dictionary<string, string> { ["all_proxy"] = "socks5h://all.test:1080", ["https_proxy"] = "tls.test:2" };

        Assert.That(Choose("http://a.test/", environment: environment), Is.EqualTo("socks5h://all.test:1080"));
        Assert.That(Choose("https://a.test/", environment: environment), Is.EqualTo("http://tls.test:2"));
    }

    [TestCase("http_proxy", "HTTP_PROXY", "http://a.test/")]
    [TestCase("https_proxy", "HTTPS_PROXY", "https://a.test/")]
    [TestCase("all_proxy", "ALL_PROXY", "http://a.test/")]
    public void LowercaseBeatsUppercase(string lower, string upper, string url)
    {
        Assert.That(Choose(url, environment: new() { [lower] = "lower.test:1", [upper] = "upper.test:1" }), Is.EqualTo("http://lower.test:1"));
        Assert.That(Choose(url, environment: new() { [upper] = "upper.test:1" }), Is.EqualTo("http://upper.test:1"));
        Assert.That(Choose(url, environment: new() { [lower] = "", [upper] = "upper.test:1" }), Is.Null, "an empty lowercase variable turns it off");
    }

    [Test]
    public void UppercaseHttpProxyIsIgnoredInACgiScript()
    {
        // httpoxy: a CGI request's "Proxy:" header arrives as HTTP_PROXY.
        var environment = new Dictionary<string, string> { ["HTTP_PROXY"] = "evil.test:1", ["REQUEST_METHOD"] = "GET" };

        Assert.That(Choose("http://a.test/", environment: environment), Is.Null);
        environment["http_proxy"] = "good.test:1";
        Assert.That(Choose("http://a.test/", environment: environment), Is.EqualTo("http://good.test:1"));
    }

    [Test]
    public void ExplicitProxiesBeatTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["https_proxy"] = "env.test:1" };

        Assert.That(Choose("https://a.test/", new() { ["all"] = "explicit.test:1" }, environment), Is.EqualTo("http://explicit.test:1"),
            "a less specific explicit key still beats the environment (Requests would take https_proxy)");
        Assert.That(Choose("https://a.test/", new() { ["https"] = "" }, environment), Is.Null, "an explicit empty value goes direct");
        Assert.That(Choose("https://a.test/", new() { ["http"] = "explicit.test:1" }, environment), Is.EqualTo("http://env.test:1"),
            "an explicit key for another scheme leaves the environment's");
    }

    [Test]
    public void AnInvalidEnvironmentProxyNamesItsVariable()
    {
        var e = Assert.Throws<InvalidProxyUrlException>(() => Choose("https://a.test/", environment: new() { ["HTTPS_PROXY"] = "http://:3128" }));
        Assert.That(e!.Message, Does.Contain("HTTPS_PROXY"));
    }

    // NO_PROXY: exact host, dot-suffix, IPv4 exact or CIDR, host:port, *.
    [TestCase("a.test", "http://a.test/", true)]
    [TestCase("a.test", "http://www.a.test/", true)]
    [TestCase("a.test", "http://nota.test/", false)]
    [TestCase(".a.test", "http://a.test/", true)]
    [TestCase(".a.test", "http://x.y.a.test/", true)]
    [TestCase("*.a.test", "http://x.a.test/", true)]
    [TestCase("A.TEST", "http://a.test/", true)]
    [TestCase("b.test, a.test", "http://a.test/", true)]
    [TestCase("b.test", "http://a.test/", false)]
    [TestCase("10.1.2.3", "http://10.1.2.3/", true)]
    [TestCase("10.1.2.3", "http://10.1.2.4/", false)]
    [TestCase("10.0.0.0/8", "http://10.200.3.4/", true)]
    [TestCase("10.0.0.0/8", "http://11.0.0.1/", false)]
    [TestCase("10.1.2.3/8", "http://10.9.9.9/", true)]
    [TestCase("10.0.0.0/8", "http://ten.test/", false)]
    [TestCase("::1", "http://[::1]/", true)]
    [TestCase("fd00::/8", "http://[fd12::5]/", true)]
    [TestCase("a.test:8080", "http://a.test:8080/", true)]
    [TestCase("a.test:8080", "http://a.test/", false)]
    [TestCase("a.test:80", "http://a.test/", true)]
    [TestCase("127.0.0.1:9", "http://127.0.0.1:9/", true)]
    [TestCase("127.0.0.1:9", "http://127.0.0.1:10/", false)]
    [TestCase("*", "http://anything.test/", true)]
    [TestCase("", "http://a.test/", false)]
    public void NoProxyExemptsMatchingHosts(string noProxy, string url, bool bypassed)
    {
        var environment = new Dictionary<string, string> { ["all_proxy"] = "proxy.test:1", ["no_proxy"] = noProxy };

        Assert.That(Choose(url, environment: environment), bypassed ? Is.Null : Is.EqualTo("http://proxy.test:1"));
    }

    [Test]
    public void UppercaseNoProxyIsReadWhenLowercaseIsUnsetOrEmpty()
    {
        Assert.That(Choose("http://a.test/", environment: new() { ["http_proxy"] = "p.test:1", ["NO_PROXY"] = "a.test" }), Is.Null);
        Assert.That(Choose("http://a.test/", environment: new() { ["http_proxy"] = "p.test:1", ["no_proxy"] = "", ["NO_PROXY"] = "a.test" }), Is.Null);
        Assert.That(Choose("http://a.test/", environment: new() { ["http_proxy"] = "p.test:1", ["no_proxy"] = "b.test", ["NO_PROXY"] = "a.test" }),
            Is.EqualTo("http://p.test:1"));
    }

    [Test]
    public void NoProxyDoesNotExemptHostsFromExplicitProxies()
    {
        var environment = new Dictionary<string, string> { ["no_proxy"] = "a.test" };

        Assert.That(Choose("http://a.test/", new() { ["http"] = "explicit.test:1" }, environment), Is.EqualTo("http://explicit.test:1"));
    }

    [Test]
    public void AnExplicitNoProxyKeyReplacesTheEnvironments()
    {
        var environment = new Dictionary<string, string> { ["http_proxy"] = "p.test:1", ["no_proxy"] = "a.test" };

        Assert.That(Choose("http://b.test/", new() { ["no_proxy"] = "b.test" }, environment), Is.Null);
        Assert.That(Choose("http://a.test/", new() { ["no_proxy"] = "b.test" }, environment), Is.EqualTo("http://p.test:1"));
    }

    [Test]
    public void AChangedEnvironmentIsSeenOnTheNextRead()
    {
        var variables = new Dictionary<string, string> { ["http_proxy"] = "first.test:1" };
        var source = new DictionaryEnvironmentSource(variables);
        var uri = new Uri("http://a.test/");

        Assert.That(EnvironmentProxies.Read(source, uri).For(uri, null), Is.EqualTo("http://first.test:1"));
        variables["http_proxy"] = "second.test:1";
        Assert.That(EnvironmentProxies.Read(source, uri).For(uri, null), Is.EqualTo("http://second.test:1"));
        variables["no_proxy"] = "a.test";
        Assert.That(EnvironmentProxies.Read(source, uri).For(uri, null), Is.Null);
        variables.Clear();
        Assert.That(EnvironmentProxies.Read(source, uri).NamesAProxy, Is.False);
    }

    [Test]
    public void AnUnchangedEnvironmentGivesTheSameObjectForEachScheme()
    {
        // Session.MergeOptions reuses its last options while the environment's proxies are the same object.
        var source = new DictionaryEnvironmentSource(new Dictionary<string, string> { ["http_proxy"] = "h.test:1", ["https_proxy"] = "s.test:1" });
        Uri http = new("http://a.test/"), https = new("https://a.test/");

        var (h1, s1, h2, s2) = (EnvironmentProxies.Read(source, http), EnvironmentProxies.Read(source, https),
            EnvironmentProxies.Read(source, http), EnvironmentProxies.Read(source, https));

        Assert.That((ReferenceEquals(h1, h2), ReferenceEquals(s1, s2), ReferenceEquals(h1, s1)), Is.EqualTo((true, true, false)));
        Assert.That((h1.For(http, null), s1.For(https, null)), Is.EqualTo(("http://h.test:1", "http://s.test:1")));
    }

    [TestCase("http://a.test/", "https://a.test/", "http://s.test:1")]
    [TestCase("https://a.test/", "http://a.test/", "http://h.test:1")]
    [TestCase("http://a.test/", "http://b.test/", "http://h.test:1")]
    public void AHopToTheOtherSchemeTakesThatSchemesProxy(string firstUrl, string hop, string expected)
    {
        // Requests' rebuild_proxies resolves each redirect's proxy for its own scheme.
        var environment = new Dictionary<string, string> { ["http_proxy"] = "h.test:1", ["https_proxy"] = "s.test:1" };

        Assert.That(Choose(hop, environment: environment, firstUrl: firstUrl), Is.EqualTo(expected));
    }

    [TestCase("http://a.test/", "https://a.test/")]
    [TestCase("https://a.test/", "http://a.test/")]
    public void AHopToASchemeWithoutAProxyGoesDirect(string firstUrl, string hop)
    {
        string scheme = new Uri(firstUrl).Scheme;
        var environment = new Dictionary<string, string> { [scheme + "_proxy"] = "p.test:1" };

        Assert.That((Choose(firstUrl, environment: environment), Choose(hop, environment: environment, firstUrl: firstUrl)),
            Is.EqualTo(("http://p.test:1", (string?)null)));
    }

    [TestCase("http://a.test/")]
    [TestCase("https://a.test/")]
    public void AllProxyServesEitherSchemeAndTheSchemesOwnWins(string url)
    {
        var environment = new Dictionary<string, string> { ["ALL_PROXY"] = "all.test:1" };
        Assert.That(Choose(url, environment: environment), Is.EqualTo("http://all.test:1"));

        environment[new Uri(url).Scheme + "_proxy"] = "own.test:1";
        Assert.That(Choose(url, environment: environment), Is.EqualTo("http://own.test:1"));
    }

    [Test]
    public void OnlyTheVariablesThatCanApplyAreRead()
    {
        // Each look-up takes the runtime's environment lock: an http call with no proxy set reads four variables.
        var counting = new CountingEnvironment();
        EnvironmentProxies.Read(counting, new Uri("http://a.test/"));

        Assert.That(counting.Names, Is.EquivalentTo(new[] { "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY" }));
    }

    private sealed class CountingEnvironment : EnvironmentSource
    {
        public List<string> Names { get; } = [];

        public override string? Get(string name)
        {
            Names.Add(name);
            return null;
        }

        public override string? HomeDirectory => null;
    }
}
