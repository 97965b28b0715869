namespace FluentRequests.Tests.Redirects;

/// <summary>Authorization across redirects (Requests' rebuild_auth / should_strip_auth) and the https-to-http guard.</summary>
public class RedirectAuthTests : WireMockTest
{
    private void Redirect(string from, string location, int status = 302)
        => Server.Given(WmRequest.Create().WithPath(from).UsingAnyMethod())
            .RespondWith(WmResponse.Create().WithStatusCode(status).WithHeader("Location", location));

    private void Ok(string path)
        => Server.Given(WmRequest.Create().WithPath(path).UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    [Test]
    public async Task AuthorizationIsRemovedWhenTheHostChanges([Values] bool async)
    {
        Redirect("/a", LocalhostUrl + "/b");
        Ok("/b");

        var response = await Send.Either(async,
            () => Requests.Get(Url("/a"), auth: ("u", "p")),
            () => Requests.GetAsync(Url("/a"), auth: ("u", "p")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received[0].RequestMessage.Header("Authorization"), Is.EqualTo("Basic dTpw"));
        Assert.That(Received[1].RequestMessage.Host, Is.EqualTo("localhost"));
        Assert.That(Received[1].RequestMessage.Header("Authorization"), Is.Null);
        Assert.That(response.Request.Headers.ContainsKey("Authorization"), Is.False);
    }

    [Test]
    public async Task HandSetAuthorizationHeaderIsAlsoRemovedOnAHostChange([Values] bool async)
    {
        Redirect("/a", LocalhostUrl + "/b");
        Ok("/b");
        var builder = Requests.Url(Url("/a")).WithHeader("Authorization", "Bearer secret");

        await Send.Either(async, builder.Get, () => builder.GetAsync());

        Assert.That(Received[0].RequestMessage.Header("Authorization"), Is.EqualTo("Bearer secret"));
        Assert.That(Received[1].RequestMessage.Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task AuthorizationStaysRemovedOnTheWayBackToTheOriginalHost([Values] bool async)
    {
        Redirect("/a", LocalhostUrl + "/b");
        Redirect("/b", Url("/c"));
        Ok("/c");
        using var session = new Session();

        await Send.Either(async,
            () => session.Get(Url("/a"), auth: Auth.Bearer("t")),
            () => session.GetAsync(Url("/a"), auth: Auth.Bearer("t")));

        Assert.That(Received.Select(e => e.RequestMessage.Header("Authorization")), Is.EqualTo(new[] { "Bearer t", null, null }));
    }

    [Test]
    public async Task AuthorizationIsKeptOnTheSameHost([Values] bool async)
    {
        Redirect("/a", "/b");
        Redirect("/b", Url("/c"), 307);
        Ok("/c");

        await Send.Either(async,
            () => Requests.Get(Url("/a"), auth: ("u", "p")),
            () => Requests.GetAsync(Url("/a"), auth: ("u", "p")));

        Assert.That(Received.Select(e => e.RequestMessage.Header("Authorization")), Is.EqualTo(new[] { "Basic dTpw", "Basic dTpw", "Basic dTpw" }));
    }
}
