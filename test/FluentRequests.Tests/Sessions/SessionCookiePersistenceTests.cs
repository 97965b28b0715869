namespace FluentRequests.Tests.Sessions;

/// <summary>Set-Cookie from responses is stored in <see cref="Session.Cookies"/>, sent back, and deleted when it expires.</summary>
public class SessionCookiePersistenceTests : WireMockTest
{
    private void Respond(string path, params string[] setCookies)
    {
        var response = WmResponse.Create().WithStatusCode(200).WithBody(path);
        if (setCookies.Length > 0) response = response.WithHeader("Set-Cookie", setCookies);
        Server.Given(WmRequest.Create().WithPath(path)).RespondWith(response);
    }

    private string? CookieHeader()
        => LastRequest.Headers!.FirstOrDefault(h => string.Equals(h.Key, "Cookie", StringComparison.OrdinalIgnoreCase)).Value?.Single();

    [Test]
    public async Task SetCookieIsStoredAndSentOnTheNextRequest([Values] bool async)
    {
        Respond("/login", "sid=abc; Path=/", "theme=dark; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        Assert.That(session.Cookies["sid"], Is.EqualTo("abc"));
        Assert.That(session.Cookies["theme"], Is.EqualTo("dark"));

        await Send.Either(async, () => session.Get(Url("/me")), () => session.GetAsync(Url("/me")));
        Assert.That(LastRequest.Path, Is.EqualTo("/me"));
        Assert.That(LastRequest.Cookies, Is.EquivalentTo(new Dictionary<string, string> { ["sid"] = "abc", ["theme"] = "dark" }));
    }

    [Test]
    public async Task LaterSetCookieReplacesTheValue([Values] bool async)
    {
        Respond("/one", "sid=1; Path=/");
        Respond("/two", "sid=2; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/one")), () => session.GetAsync(Url("/one")));
        await Send.Either(async, () => session.Get(Url("/two")), () => session.GetAsync(Url("/two")));
        await Send.Either(async, () => session.Get(Url("/me")), () => session.GetAsync(Url("/me")));

        Assert.That(session.Cookies.Count, Is.EqualTo(1));
        Assert.That(session.Cookies["sid"], Is.EqualTo("2"));
        Assert.That(CookieHeader(), Is.EqualTo("sid=2"));
    }

    [Test]
    public async Task MaxAgeZeroDeletesTheCookie([Values] bool async)
    {
        Respond("/login", "sid=abc; Path=/", "keep=1; Path=/");
        Respond("/logout", "sid=; Max-Age=0; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        Assert.That(session.Cookies["sid"], Is.EqualTo("abc"));
        await Send.Either(async, () => session.Get(Url("/logout")), () => session.GetAsync(Url("/logout")));
        await Send.Either(async, () => session.Get(Url("/me")), () => session.GetAsync(Url("/me")));

        Assert.That(session.Cookies["sid"], Is.Null);
        Assert.That(session.Cookies.ToDictionary().Keys, Is.EquivalentTo(new[] { "keep" }));
        Assert.That(CookieHeader(), Is.EqualTo("keep=1"));
    }

    [Test]
    public async Task PastExpiresDeletesTheCookie([Values] bool async)
    {
        Respond("/login", "sid=abc; Path=/");
        Respond("/logout", "sid=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        Assert.That(session.Cookies["sid"], Is.EqualTo("abc"));
        await Send.Either(async, () => session.Get(Url("/logout")), () => session.GetAsync(Url("/logout")));
        await Send.Either(async, () => session.Get(Url("/me")), () => session.GetAsync(Url("/me")));

        Assert.That(session.Cookies["sid"], Is.Null);
        Assert.That(session.Cookies.Count, Is.EqualTo(0));
        Assert.That(CookieHeader(), Is.Null);
    }

    [Test]
    public async Task CookieSetWithPathIsSentOnlyUnderThatPath([Values] bool async)
    {
        Respond("/app/login", "scoped=1; Path=/app");
        Respond("/app/page");
        Respond("/other");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/app/login")), () => session.GetAsync(Url("/app/login")));
        await Send.Either(async, () => session.Get(Url("/app/page")), () => session.GetAsync(Url("/app/page")));
        Assert.That(CookieHeader(), Is.EqualTo("scoped=1"));

        await Send.Either(async, () => session.Get(Url("/other")), () => session.GetAsync(Url("/other")));
        Assert.That(CookieHeader(), Is.Null);
    }

    [Test]
    public async Task CookieFromOneHostIsNotSentToAnother([Values] bool async)
    {
        Respond("/login", "sid=abc; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        await Send.Either(async, () => session.Get(LocalhostUrl + "/me"), () => session.GetAsync(LocalhostUrl + "/me"));

        Assert.That(LastRequest.Path, Is.EqualTo("/me"));
        Assert.That(CookieHeader(), Is.Null, "a cookie set by 127.0.0.1 must not go to localhost");
    }

    [Test]
    public async Task CookieSetOnARedirectIsSentToTheNextHopAndStored([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/login"))
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/home").WithHeader("Set-Cookie", "sid=r1; Path=/"));
        Respond("/home");
        using var session = new Session();

        var response = await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));

        Assert.That(response.History, Has.Count.EqualTo(1));
        Assert.That(LastRequest.Path, Is.EqualTo("/home"));
        Assert.That(LastRequest.Cookies!["sid"], Is.EqualTo("r1"));
        Assert.That(session.Cookies["sid"], Is.EqualTo("r1"));
    }

    [Test]
    public async Task ThrowawayRequestFollowsRedirectWithItsCookie([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/login"))
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/home").WithHeader("Set-Cookie", "sid=r2; Path=/"));
        Respond("/home");

        await Send.Either(async, () => Requests.Get(Url("/login")), () => Requests.GetAsync(Url("/login")));

        Assert.That(LastRequest.Path, Is.EqualTo("/home"));
        Assert.That(LastRequest.Cookies!["sid"], Is.EqualTo("r2"));
    }

    [Test]
    public async Task SetCookieForAForeignDomainIsIgnored([Values] bool async)
    {
        Respond("/evil", "evil=1; Domain=example.com; Path=/", "good=1; Path=/");
        using var session = new Session();

        var response = await Send.Either(async, () => session.Get(Url("/evil")), () => session.GetAsync(Url("/evil")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(session.Cookies.ToDictionary().Keys, Is.EquivalentTo(new[] { "good" }));
    }

    [Test]
    public async Task SecureCookieIsNotSentOverHttp([Values] bool async)
    {
        Respond("/login", "secret=1; Path=/; Secure", "open=1; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        await Send.Either(async, () => session.Get(Url("/me")), () => session.GetAsync(Url("/me")));

        Assert.That(CookieHeader(), Is.EqualTo("open=1"));
    }

    [Test]
    public async Task MaxAgeTakesPrecedenceOverExpires([Values] bool async)
    {
        // RFC 6265 5.3 step 3: Max-Age wins over Expires whatever their order.
        Respond("/login", "kept=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=3600; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        await Send.Either(async, () => session.Get(Url("/me")), () => session.GetAsync(Url("/me")));

        Assert.That(session.Cookies["kept"], Is.EqualTo("1"));
        Assert.That(CookieHeader(), Is.EqualTo("kept=1"));
    }

    [Test]
    public async Task RemovingAStoredCookieStopsSendingIt([Values] bool async)
    {
        Respond("/login", "sid=abc; Path=/");
        Respond("/me");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        Assert.That(session.Cookies.Remove("sid"), Is.True);
        await Send.Either(async, () => session.Get(Url("/me")), () => session.GetAsync(Url("/me")));

        Assert.That(CookieHeader(), Is.Null);
        Assert.That(session.Cookies.Count, Is.Zero);
    }
}
