using System.Collections.Concurrent;

namespace FluentRequests.Tests.Redirects;

/// <summary>Cookies across redirect hops, and response hooks running once per hop.</summary>
public class RedirectCookiesAndHooksTests : WireMockTest
{
    private void Redirect(string from, string location, string? setCookie = null, int status = 302)
    {
        var response = WmResponse.Create().WithStatusCode(status).WithHeader("Location", location);
        if (setCookie is not null) response = response.WithHeader("Set-Cookie", setCookie);
        Server.Given(WmRequest.Create().WithPath(from).UsingAnyMethod()).RespondWith(response);
    }

    private void Ok(string path)
        => Server.Given(WmRequest.Create().WithPath(path).UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private static string[] CookieNames(string? header)
        => header is null
            ? []
            : header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    [Test]
    public async Task SetCookieOnARedirectIsSentToTheNextHop([Values] bool async)
    {
        Redirect("/login", "/home", setCookie: "sid=abc; Path=/");
        Ok("/home");

        var response = await Send.Either(async, () => Requests.Get(Url("/login")), () => Requests.GetAsync(Url("/login")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received[0].RequestMessage.Header("Cookie"), Is.Null);
        Assert.That(Received[1].RequestMessage.Header("Cookie"), Is.EqualTo("sid=abc"));
        Assert.That(response.History[0].Cookies["sid"], Is.EqualTo("abc"));
    }

    [Test]
    public async Task SetCookieOnARedirectLandsInTheSession([Values] bool async)
    {
        Redirect("/login", "/home", setCookie: "sid=abc; Path=/");
        Ok("/home");
        Ok("/later");
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/login")), () => session.GetAsync(Url("/login")));
        await Send.Either(async, () => session.Get(Url("/later")), () => session.GetAsync(Url("/later")));

        Assert.That(session.Cookies["sid"], Is.EqualTo("abc"));
        Assert.That(LastRequest.Header("Cookie"), Is.EqualTo("sid=abc"));
    }

    [Test]
    public async Task HandSetCookieHeaderIsNotForwarded([Values] bool async)
    {
        Redirect("/r", "/next");
        Ok("/next");

        await Send.Either(async,
            () => Requests.Get(Url("/r"), headers: new { Cookie = "hand=1" }),
            () => Requests.GetAsync(Url("/r"), headers: new { Cookie = "hand=1" }));

        Assert.That(Received[0].RequestMessage.Header("Cookie"), Is.EqualTo("hand=1"));
        Assert.That(Received[1].RequestMessage.Header("Cookie"), Is.Null);
    }

    [Test]
    public async Task SessionCookiesAreSentOnEveryHop([Values] bool async)
    {
        Redirect("/one", "/two");
        Redirect("/two", "/three", status: 307);
        Ok("/three");
        using var session = new Session();
        session.Cookies.Set("s", "1");

        await Send.Either(async, () => session.Get(Url("/one")), () => session.GetAsync(Url("/one")));

        Assert.That(Received, Has.Count.EqualTo(3));
        Assert.That(Received.Select(e => e.RequestMessage.Header("Cookie")), Is.All.EqualTo("s=1"));
    }

    [Test]
    public async Task RequestCookiesAreResentOnEveryHopAndMergedWithNewOnes([Values] bool async)
    {
        Redirect("/one", "/two", setCookie: "fresh=2; Path=/");
        Ok("/two");
        using var session = new Session();
        session.Cookies.Set("s", "1");

        await Send.Either(async,
            () => session.Get(Url("/one"), cookies: new { mine = "0" }),
            () => session.GetAsync(Url("/one"), cookies: new { mine = "0" }));

        Assert.That(CookieNames(Received[0].RequestMessage.Header("Cookie")), Is.EqualTo(new[] { "mine=0", "s=1" }));
        Assert.That(CookieNames(Received[1].RequestMessage.Header("Cookie")), Is.EqualTo(new[] { "fresh=2", "mine=0", "s=1" }));
        Assert.That(session.Cookies["mine"], Is.Null, "request cookies do not persist in the session");
    }

    [Test]
    public async Task HostOnlyCookieIsNotSentToAnotherHost([Values] bool async)
    {
        Redirect("/here", LocalhostUrl + "/there", setCookie: "local=1; Path=/");
        Ok("/there");

        await Send.Either(async, () => Requests.Get(Url("/here")), () => Requests.GetAsync(Url("/here")));

        Assert.That(Received[1].RequestMessage.Host, Is.EqualTo("localhost"));
        Assert.That(Received[1].RequestMessage.Header("Cookie"), Is.Null);
    }

    [Test]
    public async Task SessionHooksRunOncePerHop([Values] bool async)
    {
        Redirect("/h1", "/h2");
        Redirect("/h2", "/h3", status: 307);
        Ok("/h3");
        using var session = new Session();
        var seen = new ConcurrentQueue<(int Status, string Url)>();
        session.Hooks.Add((Response r) => seen.Enqueue((r.StatusCode, r.Url)));

        var response = await Send.Either(async, () => session.Get(Url("/h1")), () => session.GetAsync(Url("/h1")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(seen, Is.EqualTo(new[] { (302, Url("/h1")), (307, Url("/h2")), (200, Url("/h3")) }));
    }

    [Test]
    public async Task SessionHooksRunOnceWhenRedirectsAreNotFollowed([Values] bool async)
    {
        Redirect("/h1", "/h2");
        Ok("/h2");
        using var session = new Session();
        int calls = 0;
        session.Hooks.Add((Response _) => Interlocked.Increment(ref calls));

        var response = await Send.Either(async,
            () => session.Get(Url("/h1"), allowRedirects: false),
            () => session.GetAsync(Url("/h1"), allowRedirects: false));

        Assert.That(response.StatusCode, Is.EqualTo(302));
        Assert.That(calls, Is.EqualTo(1));
    }
}
