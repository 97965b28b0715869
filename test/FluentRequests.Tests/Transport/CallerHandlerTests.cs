namespace FluentRequests.Tests.Transport;

/// <summary>A session built over a caller's handler: every request goes through it, and disposing it follows disposeHandler.</summary>
public class CallerHandlerTests : WireMockTest
{
    private static SocketsHttpHandler Sockets() => new() { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };

    [Test]
    public async Task EveryRedirectHopGoesThroughTheHandler([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/start").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/next"));
        Server.Given(WmRequest.Create().WithPath("/next").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(301).WithHeader("Location", "/done"));
        Server.Given(WmRequest.Create().WithPath("/done").UsingGet()).RespondWith(WmResponse.Create().WithBody("final"));
        using var counting = new CountingHandler(Sockets());
        using var session = new Session(counting);

        var response = await Send.Either(async, () => session.Get(Url("/start")), () => session.GetAsync(Url("/start")));

        Assert.That(response.Text, Is.EqualTo("final"));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 302, 301 }));
        string mode = async ? "ASYNC" : "SYNC";
        Assert.That(counting.Hops, Is.EqualTo(new[] { $"{mode} GET {Url("/start")}", $"{mode} GET {Url("/next")}", $"{mode} GET {Url("/done")}" }));
    }

    [Test]
    public void DisposingTheSessionLeavesTheHandlerAloneUnlessTold([Values] bool disposeHandler)
    {
        var counting = new CountingHandler(Sockets());
        var session = new Session(counting, disposeHandler);

        session.Dispose();

        Assert.That(counting.IsDisposed, Is.EqualTo(disposeHandler));
        counting.Dispose();
    }
}
