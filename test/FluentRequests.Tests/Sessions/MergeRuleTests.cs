namespace FluentRequests.Tests.Sessions;

/// <summary>
/// How session and request settings combine (Requests' <c>merge_setting</c> and <c>prepare_request</c>), checked on
/// <see cref="Session.Prepare"/> with no server. Each expected value is what Requests 2.28 prepares for the same input.
/// SessionMergeTests proves each rule end to end.
/// </summary>
public class MergeRuleTests
{
    private const string Url = "http://example.com/p";

    private static PreparedRequest Prepare(Session session, string url = Url, object? headers = null, object? @params = null,
        object? cookies = null, Auth? auth = null)
        => session.Prepare(new FluentRequests.Request("GET", url) { Headers = headers, Params = @params, Cookies = cookies, Auth = auth });

    [Test]
    public void RequestHeaderReplacesTheSessionsWhateverTheCaseAndTheSessionKeepsItsOwn()
    {
        using var session = new Session();
        session.Headers["X-Both"] = "session";
        session.Headers["X-Session"] = "s";

        var prepared = Prepare(session, headers: new Dictionary<string, string?> { ["x-both"] = "request", ["X-Req"] = "r" });

        Assert.That(prepared.Headers["X-Both"], Is.EqualTo("request"));
        Assert.That(prepared.Headers.Keys.Count(k => k.Equals("X-Both", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
        Assert.That(prepared.Headers["X-Session"], Is.EqualTo("s"));
        Assert.That(prepared.Headers["X-Req"], Is.EqualTo("r"));
        Assert.That(session.Headers["X-Both"], Is.EqualTo("session"));
        Assert.That(session.Headers["X-Req"], Is.Null);
    }

    [Test]
    public void NullRequestHeaderRemovesASessionHeaderOrADefaultOne()
    {
        using var session = new Session();
        session.Headers["X-Session"] = "s";

        var prepared = Prepare(session, headers: new Dictionary<string, string?> { ["x-session"] = null, ["user-agent"] = null });

        Assert.That(prepared.Headers.ContainsKey("X-Session"), Is.False);
        Assert.That(prepared.Headers.ContainsKey("User-Agent"), Is.False);
        Assert.That(prepared.Headers["Accept"], Is.EqualTo("*/*"), "the other defaults stay");
        Assert.That(session.Headers["X-Session"], Is.EqualTo("s"));
        Assert.That(session.Headers["User-Agent"], Is.EqualTo(Session.DefaultUserAgent));
    }

    [Test]
    public void RequestParamsReplaceSessionParamsInPlaceAndNewOnesFollow()
    {
        using var session = new Session();
        session.Params["a"] = "1";
        session.Params["b"] = "2";

        var prepared = Prepare(session, @params: new { b = "3", c = "4" });

        Assert.That(prepared.Url, Is.EqualTo(Url + "?a=1&b=3&c=4"));
        Assert.That(session.Params["b"], Is.EqualTo("2"));
        Assert.That(session.Params.ContainsKey("c"), Is.False);
    }

    [Test]
    public void NullRequestParamRemovesTheSessionParam()
    {
        using var session = new Session();
        session.Params["a"] = "1";
        session.Params["b"] = "2";

        var prepared = Prepare(session, @params: new Dictionary<string, object?> { ["a"] = null });

        Assert.That(prepared.Url, Is.EqualTo(Url + "?b=2"));
    }

    [Test]
    public void SessionParamsFollowAQueryAlreadyInTheUrl()
    {
        using var session = new Session();
        session.Params["a"] = "1";

        Assert.That(Prepare(session, Url + "?x=0").Url, Is.EqualTo(Url + "?x=0&a=1"));
    }

    [Test]
    public void SessionParamSequenceRepeatsTheKeyBeforeTheRequestsParams()
    {
        using var session = new Session();
        session.Params["t"] = new[] { "a", "b" };

        Assert.That(Prepare(session, @params: new { z = 1 }).Url, Is.EqualTo(Url + "?t=a&t=b&z=1"));
    }

    [Test]
    public void RawStringParamsReplaceTheSessionParamsWhole()
    {
        // merge_setting returns the request's value when either side is not a mapping.
        using var session = new Session();
        session.Params["a"] = "1";

        Assert.That(Prepare(session, @params: "raw=1").Url, Is.EqualTo(Url + "?raw=1"));
    }

    [Test]
    public void RequestCookiesJoinTheSessionsAndWinButAreNotStored()
    {
        using var session = new Session();
        session.Cookies["s"] = "1";
        session.Cookies["both"] = "session";

        var prepared = Prepare(session, cookies: new { both = "request", r = "2" });

        Assert.That(prepared.Headers["Cookie"], Is.EqualTo("s=1; both=request; r=2"));
        Assert.That(session.Cookies.ToDictionary(), Is.EquivalentTo(new Dictionary<string, string> { ["s"] = "1", ["both"] = "session" }));
    }

    [Test]
    public void AHandSetCookieHeaderWinsOverTheJars()
    {
        using var session = new Session();
        session.Cookies["s"] = "1";

        var prepared = Prepare(session, headers: new { Cookie = "mine=1" }, cookies: new { r = "2" });

        Assert.That(prepared.Headers["Cookie"], Is.EqualTo("mine=1"));
    }

    [Test]
    public void NoCookiesAnywhereMeansNoCookieHeader()
    {
        using var session = new Session();

        Assert.That(Prepare(session).Headers.ContainsKey("Cookie"), Is.False);
    }

    [Test]
    public void RequestAuthBeatsSessionAuthWhichBeatsCredentialsInTheUrl()
    {
        using var session = new Session { Auth = ("su", "sp") };
        using var bare = new Session();
        const string withCredentials = "http://u:p@example.com/p";

        Assert.That(Prepare(session, withCredentials, auth: Auth.Basic("ru", "rp")).Headers["Authorization"], Is.EqualTo("Basic cnU6cnA="));
        Assert.That(Prepare(session, withCredentials).Headers["Authorization"], Is.EqualTo("Basic c3U6c3A="));
        Assert.That(Prepare(bare, withCredentials).Headers["Authorization"], Is.EqualTo("Basic dTpw"));
        Assert.That(Prepare(bare).Headers.ContainsKey("Authorization"), Is.False);
    }

    [Test]
    public void PrepareMergesEverySettingAtOnce()
    {
        using var session = new Session { Auth = ("user", "pass") };
        session.Headers["X-Session"] = "s";
        session.Params["a"] = "1";
        session.Cookies["s"] = "1";

        var prepared = session.Prepare(new FluentRequests.Request("get", Url)
        {
            Headers = new { X_Req = "r" },
            Params = new { b = "2" },
            Cookies = new { r = "2" },
        });

        Assert.That(prepared.Method, Is.EqualTo("GET"));
        Assert.That(prepared.Url, Is.EqualTo(Url + "?a=1&b=2"));
        Assert.That(prepared.PathUrl, Is.EqualTo("/p?a=1&b=2"));
        Assert.That(prepared.Headers["X-Session"], Is.EqualTo("s"));
        Assert.That(prepared.Headers["X-Req"], Is.EqualTo("r"));
        Assert.That(prepared.Headers["Cookie"], Is.EqualTo("s=1; r=2"));
        Assert.That(prepared.Headers["Authorization"], Is.EqualTo("Basic dXNlcjpwYXNz"));
        Assert.That(session.Cookies["r"], Is.Null);
    }
}
