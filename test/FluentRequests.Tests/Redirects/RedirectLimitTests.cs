namespace FluentRequests.Tests.Redirects;

/// <summary>MaxRedirects: TooManyRedirectsException carries the last 3xx and says how many redirects were allowed.</summary>
public class RedirectLimitTests : WireMockTest
{
    [SetUp]
    public void StubLoopAndChain()
    {
        Server.Given(WmRequest.Create().WithPath("/loop").UsingAnyMethod())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/loop"));
        Server.Given(WmRequest.Create().WithPath("/c1").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(301).WithHeader("Location", "/c2"));
        Server.Given(WmRequest.Create().WithPath("/c2").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/c3"));
        Server.Given(WmRequest.Create().WithPath("/c3").UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("end"));
    }

    [Test]
    public async Task DefaultLimitIs30([Values] bool async)
    {
        var e = await Send.Throws<TooManyRedirectsException>(async, () => Requests.Get(Url("/loop")), () => Requests.GetAsync(Url("/loop")));

        Assert.That(e.Message, Does.Contain("Exceeded 30 redirects"));
        Assert.That(e.Message, Does.Contain(Url("/loop")));
        Assert.That(e.Response, Is.Not.Null);
        Assert.That(e.Response!.StatusCode, Is.EqualTo(302));
        Assert.That(e.Response.IsRedirect, Is.True);
        Assert.That(e.Request?.Url, Is.EqualTo(Url("/loop")), "the request that got the redirect not followed");
        Assert.That(e.Response.History, Has.Count.EqualTo(30));
        Assert.That(Received, Has.Count.EqualTo(31), "the first request and 30 followed redirects");
    }

    [Test]
    public async Task SessionMaxRedirectsIsHonoured([Values] bool async)
    {
        using var session = new Session { MaxRedirects = 3 };

        var e = await Send.Throws<TooManyRedirectsException>(async, () => session.Get(Url("/loop")), () => session.GetAsync(Url("/loop")));

        Assert.That(e.Message, Does.Contain("Exceeded 3 redirects"));
        Assert.That(e.Response!.StatusCode, Is.EqualTo(302));
        Assert.That(e.Response.History, Has.Count.EqualTo(3));
        Assert.That(Received, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task TheExceptionCarriesTheLastRedirectOfAChain([Values] bool async)
    {
        using var session = new Session { MaxRedirects = 1 };

        var e = await Send.Throws<TooManyRedirectsException>(async, () => session.Get(Url("/c1")), () => session.GetAsync(Url("/c1")));

        Assert.That(e.Response!.StatusCode, Is.EqualTo(302));
        Assert.That(e.Response.Url, Is.EqualTo(Url("/c2")));
        Assert.That(e.Response.Headers["Location"], Is.EqualTo("/c3"));
        Assert.That(e.Message, Does.Contain("Exceeded 1 redirects"));
        Assert.That(Received.Select(r => r.RequestMessage.Path), Is.EqualTo(new[] { "/c1", "/c2" }));
    }

    [Test]
    public async Task MaxRedirectsZeroRaisesOnTheFirstRedirect([Values] bool async)
    {
        using var session = new Session { MaxRedirects = 0 };

        var e = await Send.Throws<TooManyRedirectsException>(async, () => session.Get(Url("/c1")), () => session.GetAsync(Url("/c1")));

        Assert.That(e.Response!.StatusCode, Is.EqualTo(301));
        Assert.That(e.Response.Url, Is.EqualTo(Url("/c1")));
        Assert.That(e.Message, Does.Contain("Exceeded 0 redirects"));
        Assert.That(Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task MaxRedirectsZeroStillReturnsANonRedirect([Values] bool async)
    {
        using var session = new Session { MaxRedirects = 0 };

        var response = await Send.Either(async, () => session.Get(Url("/c3")), () => session.GetAsync(Url("/c3")));

        Assert.That(response.Text, Is.EqualTo("end"));
    }

    [Test]
    public async Task AChainOfExactlyMaxRedirectsSucceeds([Values] bool async)
    {
        using var session = new Session { MaxRedirects = 2 };

        var response = await Send.Either(async, () => session.Get(Url("/c1")), () => session.GetAsync(Url("/c1")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 301, 302 }));
    }

    [Test]
    public async Task NotFollowingIgnoresTheLimit([Values] bool async)
    {
        using var session = new Session { MaxRedirects = 0 };

        var response = await Send.Either(async,
            () => session.Get(Url("/loop"), allowRedirects: false),
            () => session.GetAsync(Url("/loop"), allowRedirects: false));

        Assert.That(response.StatusCode, Is.EqualTo(302));
        Assert.That(response.Next!.Url, Is.EqualTo(Url("/loop")));
    }

    [Test]
    public void NegativeMaxRedirectsIsRejected()
    {
        using var session = new Session();
        Assert.Throws<ArgumentException>(() => session.MaxRedirects = -1);
        Assert.That(session.MaxRedirects, Is.EqualTo(30));
    }
}
