using FluentRequests.Tests.Redirects;

namespace FluentRequests.Tests.Authentication;

/// <summary>
/// Where .netrc is found (NETRC, ~/.netrc, ~/_netrc), what a bad file does, and the netrc on redirects. Each session
/// has its own environment.
/// </summary>
public class NetrcLookupTests : WireMockTest
{
    private const string Ip = "dXNlcjppcA=="; // user:ip

    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().WithPath("/").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200));

    private async Task<string?> SentAuthorization(FakeEnvironment environment, bool async)
    {
        using var session = new Session { EnvironmentSource = environment };
        Server.ResetLogEntries();
        await Send.Either(async, () => session.Get(Url("/")), () => session.GetAsync(Url("/")));
        return LastRequest.Header("Authorization");
    }

    [Test]
    public async Task HomeNetrcIsUsed([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine 127.0.0.1 login user password ip");

        Assert.That(await SentAuthorization(environment, async), Is.EqualTo("Basic " + Ip));
    }

    [Test]
    public async Task UnderscoreNetrcIsUsedWhenThereIsNoDotNetrc([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile("_netrc", "machine 127.0.0.1 login user password ip");

        Assert.That(await SentAuthorization(environment, async), Is.EqualTo("Basic " + Ip));
    }

    [Test]
    public async Task DotNetrcBeatsUnderscoreNetrc([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine 127.0.0.1 login user password ip");
        environment.WriteHomeFile("_netrc", "machine 127.0.0.1 login other password x");

        Assert.That(await SentAuthorization(environment, async), Is.EqualTo("Basic " + Ip));
    }

    [Test]
    public async Task NetrcVariableBeatsTheHomeFiles([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine 127.0.0.1 login other password x");
        environment.Set("NETRC", environment.WriteHomeFile("named", "machine 127.0.0.1 login user password ip"));

        Assert.That(await SentAuthorization(environment, async), Is.EqualTo("Basic " + Ip));
    }

    [Test]
    public async Task NetrcVariableWithATildeIsExpanded([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile("named", "machine 127.0.0.1 login user password ip");
        environment.Set("NETRC", "~/named");

        Assert.That(await SentAuthorization(environment, async), Is.EqualTo("Basic " + Ip));
    }

    [Test]
    public async Task NetrcVariableNamingAMissingFileMeansNoNetrcNotTheHomeFile([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine 127.0.0.1 login user password ip");
        environment.Set("NETRC", Path.Combine(environment.Home, "missing"));

        Assert.That(await SentAuthorization(environment, async), Is.Null, "as Requests: NETRC, when set, is the only place looked at");
    }

    [Test]
    public async Task MalformedNetrcIsIgnoredAndTheRequestGoesOut([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine 127.0.0.1 login user password ip port 21");
        environment.WriteHomeFile("_netrc", "machine 127.0.0.1 login other password x");

        Assert.That(await SentAuthorization(environment, async), Is.Null, "a bad ~/.netrc is skipped, and ~/_netrc is not tried instead (as Requests)");
    }

    [Test]
    public async Task NetrcThatIsADirectoryIsIgnored([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        Directory.CreateDirectory(Path.Combine(environment.Home, ".netrc"));
        environment.WriteHomeFile("_netrc", "machine 127.0.0.1 login other password x");

        Assert.That(await SentAuthorization(environment, async), Is.Null);
    }

    [Test]
    public async Task OtherHostsEntryIsNotUsedButDefaultIs([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine localhost login l password x");
        Assert.That(await SentAuthorization(environment, async), Is.Null);

        environment.WriteHomeFile(".netrc", "machine localhost login l password x\ndefault login user password ip\n");
        Assert.That(await SentAuthorization(environment, async), Is.EqualTo("Basic " + Ip), "an edited file is read again");
    }

    [Test]
    public async Task CrossHostRedirectTakesTheNewHostsNetrcEntry([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine 127.0.0.1 login user password ip\nmachine localhost login user password lh\n");
        Server.Given(WmRequest.Create().WithPath("/away").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", LocalhostUrl + "/"));
        using var session = new Session { EnvironmentSource = environment };

        var response = await Send.Either(async, () => session.Get(Url("/away")), () => session.GetAsync(Url("/away")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received.Select(e => e.RequestMessage.Header("Authorization")),
            Is.EqualTo(new[] { "Basic " + Ip, "Basic dXNlcjpsaA==" }), "user:ip to 127.0.0.1, then user:lh to localhost");
    }

    [Test]
    public async Task CrossHostRedirectReplacesExplicitAuthWithTheNewHostsNetrcEntry([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine localhost login user password lh\n");
        Server.Given(WmRequest.Create().WithPath("/away").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", LocalhostUrl + "/"));
        using var session = new Session { EnvironmentSource = environment };

        await Send.Either(async,
            () => session.Get(Url("/away"), auth: Auth.Bearer("secret")),
            () => session.GetAsync(Url("/away"), auth: Auth.Bearer("secret")));

        Assert.That(Received.Select(e => e.RequestMessage.Header("Authorization")), Is.EqualTo(new[] { "Bearer secret", "Basic dXNlcjpsaA==" }));
    }

    [Test]
    public async Task CrossHostRedirectWithoutTrustEnvSendsNoCredentials([Values] bool async)
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine localhost login user password lh\n");
        Server.Given(WmRequest.Create().WithPath("/away").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", LocalhostUrl + "/"));
        using var session = new Session { EnvironmentSource = environment, TrustEnv = false };

        await Send.Either(async, () => session.Get(Url("/away"), auth: ("u", "p")), () => session.GetAsync(Url("/away"), auth: ("u", "p")));

        Assert.That(Received.Select(e => e.RequestMessage.Header("Authorization")), Is.EqualTo(new[] { "Basic dTpw", null }));
    }

    [Test]
    public void TheProcessNetrcIsRevalidatedAtMostOnceASecond()
    {
        Assert.That(NetrcSource.Process.RevalidateAfter, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(new Session().EnvironmentSource, Is.SameAs(EnvironmentSource.ForNewSessions));
    }

    [Test]
    public async Task AChangedNetrcVariableIsSeenByTheNextRequest([Values] bool async)
    {
        // As Requests, which reads NETRC at every request: only the file system may be looked at less often.
        using var environment = new FakeEnvironment();
        string first = environment.WriteHomeFile("first", "machine 127.0.0.1 login first password a");
        string second = environment.WriteHomeFile("second", "machine 127.0.0.1 login second password b");
        using var session = new Session { EnvironmentSource = environment.Set("NETRC", first) };

        await Send.Either(async, () => session.Get(Url("/")), () => session.GetAsync(Url("/")));
        environment.Set("NETRC", second);
        await Send.Either(async, () => session.Get(Url("/")), () => session.GetAsync(Url("/")));

        Assert.That(Received.Select(e => e.RequestMessage.Header("Authorization")), Is.EqualTo(new[] { "Basic Zmlyc3Q6YQ==", "Basic c2Vjb25kOmI=" }));
    }

    [Test]
    public void AChangedNetrcOrHomeIsSeenWithinTheRevalidationInterval()
    {
        using var environment = new FakeEnvironment();
        var source = new NetrcSource(environment, TimeSpan.FromHours(1));
        var uri = new Uri("http://a.example/");
        environment.WriteHomeFile(".netrc", "machine a.example login home password p");
        string named = environment.WriteHomeFile("named", "machine a.example login named password p");
        Assert.That(source.AuthFor(uri)?.User, Is.EqualTo("home"));

        environment.Set("NETRC", named);
        Assert.That(source.AuthFor(uri)?.User, Is.EqualTo("named"), "NETRC set: read at once");
        environment.Set("NETRC", Path.Combine(environment.Home, "missing"));
        Assert.That(source.AuthFor(uri), Is.Null, "NETRC naming a missing file: no credentials at once");

        using var otherHome = new FakeEnvironment();
        otherHome.WriteHomeFile(".netrc", "machine a.example login elsewhere password p");
        var moving = new MovingHome(environment.Home);
        var homeSource = new NetrcSource(moving, TimeSpan.FromHours(1));
        Assert.That(homeSource.AuthFor(uri)?.User, Is.EqualTo("home"));
        moving.Home = otherHome.Home;
        Assert.That(homeSource.AuthFor(uri)?.User, Is.EqualTo("elsewhere"), "a new home directory: read at once");
    }

    /// <summary>An environment without variables whose home directory can change.</summary>
    private sealed class MovingHome(string home) : EnvironmentSource
    {
        public string Home { get; set; } = home;

        public override string? HomeDirectory => Home;

        public override string? Get(string name) => null;
    }

    [Test]
    public void AFileIsNotLookedAtAgainWithinTheRevalidationInterval()
    {
        using var environment = new FakeEnvironment();
        var source = new NetrcSource(environment, TimeSpan.FromHours(1));
        var uri = new Uri("http://a.example/");
        Assert.That(source.AuthFor(uri), Is.Null);

        environment.WriteHomeFile(".netrc", "machine a.example login u password p");

        Assert.That(source.AuthFor(uri), Is.Null, "cached: no stat per request");
        Assert.That(new NetrcSource(environment, TimeSpan.Zero).AuthFor(uri)?.User, Is.EqualTo("u"));
    }

    [Test]
    public void IPv6HostMatchesItsEntryWithoutBrackets()
    {
        using var environment = new FakeEnvironment();
        environment.WriteHomeFile(".netrc", "machine ::1 login six password p");

        Assert.That(new NetrcSource(environment, TimeSpan.Zero).AuthFor(new Uri("http://[::1]:8080/"))?.User, Is.EqualTo("six"));
    }
}
