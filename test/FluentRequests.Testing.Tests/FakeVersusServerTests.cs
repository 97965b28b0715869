using System.Net.Sockets;
using WireMock.Server;

namespace FluentRequests.Testing.Tests;

/// <summary>
/// The fake held to what a real server does: the same call against a server (WireMock.Net, or a raw socket for
/// connection faults) and against the fake gives the same status, headers, body, or exception type.
/// </summary>
public sealed class FakeVersusServerTests
{
    // Generous, so a loaded machine never turns a slow first connect into a timeout; the delay test sets its own.
    private static readonly RequestTimeout Generous = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20));

    // Framing is left out: WireMock.Net chunks every body, the fake (as most servers) sends a Content-Length.
    private sealed record Outcome(int? Status, string? Reason, string? ContentType, string? Custom, string? Body,
        string[] History, Type? Error, string? ErrorTail);

    [TestCase(false)]
    [TestCase(true)]
    public async Task AJsonResponseWithHeaders(bool async)
    {
        using var server = WireMockServer.Start();
        server.Given(WmRequest.Create().WithPath("/user")).RespondWith(WmResponse.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json; charset=utf-8").WithHeader("X-Custom", "v1").WithBody("""{"id":7}"""));
        var fake = FakeResponse.Json("""{"id":7}""").WithHeader("X-Custom", "v1");

        await AssertSameAsync(server.Url + "/user", fake, async);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ANotFoundTextResponse(bool async)
    {
        using var server = WireMockServer.Start();
        server.Given(WmRequest.Create().WithPath("/missing"))
            .RespondWith(WmResponse.Create().WithStatusCode(404).WithHeader("Content-Type", "text/plain").WithBody("no such thing"));
        var fake = FakeResponse.Text("no such thing", 404, "text/plain");

        await AssertSameAsync(server.Url + "/missing", fake, async, raiseForStatus: true);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ARedirectThenOk(bool async)
    {
        using var server = WireMockServer.Start();
        server.Given(WmRequest.Create().WithPath("/old")).RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/new"));
        server.Given(WmRequest.Create().WithPath("/new"))
            .RespondWith(WmResponse.Create().WithHeader("Content-Type", "text/plain").WithHeader("X-Custom", "end").WithBody("arrived"));

        await AssertSameAsync(server.Url + "/old", FakeResponse.Redirect("/new"), async,
            then: ("/new", FakeResponse.Text("arrived", contentType: "text/plain").WithHeader("X-Custom", "end")));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AHeadersDelayPastTheReadTimeout(bool async)
    {
        using var server = WireMockServer.Start();
        server.Given(WmRequest.Create().WithPath("/slow")).RespondWith(WmResponse.Create().WithDelay(TimeSpan.FromSeconds(4)).WithBody("late"));

        await AssertSameAsync(server.Url + "/slow", FakeResponse.Text("late").WithHeadersDelay(TimeSpan.FromSeconds(4)), async,
            timeout: new RequestTimeout(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AConnectionClosedBeforeAnyResponse(bool async)
    {
        using var server = new RawServer(socket =>
        {
            socket.Shutdown(SocketShutdown.Both);
            return Task.CompletedTask;
        });

        await AssertSameAsync(server.Url, FakeResponse.EmptyResponse(), async);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ABodyCutShortOfItsContentLength(bool async)
    {
        using var server = new RawServer(async socket =>
        {
            await RawServer.SendPartialAsync(socket, declared: 1000, sent: 250);
            socket.Shutdown(SocketShutdown.Send);
        });

        await AssertSameAsync(server.Url, FakeResponse.Text(new string('x', 1000), contentType: "text/plain").TruncatedBody(250), async);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AConnectionResetMidBody(bool async)
    {
        using var server = new RawServer(async socket =>
        {
            await RawServer.SendPartialAsync(socket, declared: 1000, sent: 400);
            // Let the bytes arrive, then a reset (linger 0 sends RST on close) while the client waits for more.
            await Task.Delay(100);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });

        await AssertSameAsync(server.Url, FakeResponse.Text(new string('x', 1000), contentType: "text/plain").ResetMidBody(400), async);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ARefusedConnection(bool async)
        => await AssertSameAsync($"http://127.0.0.1:{ScopeTests.ClosedPort()}/", FakeResponse.ConnectionRefused(), async);

    private static async Task AssertSameAsync(string url, FakeResponse fake, bool async, bool raiseForStatus = false,
        (string Path, FakeResponse Response)? then = null, RequestTimeout? timeout = null)
    {
        var real = await CallAsync(url, async, raiseForStatus, timeout ?? Generous);
        Outcome faked;
        using (var http = new FakeHttp())
        {
            var path = new Uri(url).AbsolutePath;
            http.ForCallsTo("*" + path).RespondWith(fake);
            if (then is { } next) http.ForCallsTo("*" + next.Path).RespondWith(next.Response);
            faked = await CallAsync(url, async, raiseForStatus, timeout ?? Generous);
        }
        Assert.That(faked, Is.EqualTo(real).Using<Outcome>(Same), $"server: {real}{Environment.NewLine}fake:   {faked}");
    }

    private static bool Same(Outcome a, Outcome b)
        => a with { History = [] } == b with { History = [] } && a.History.SequenceEqual(b.History);

    private static async Task<Outcome> CallAsync(string url, bool async, bool raiseForStatus, RequestTimeout timeout)
    {
        using var session = new Session { TrustEnv = false };
        try
        {
            using var r = async ? await session.GetAsync(url, timeout: timeout) : session.Get(url, timeout: timeout);
            if (raiseForStatus)
            {
                try
                {
                    r.RaiseForStatus();
                }
                catch (HttpStatusException e)
                {
                    return Of(r) with { Error = e.GetType(), ErrorTail = Tail(e.Message) };
                }
            }
            return Of(r);
        }
        catch (RequestException e)
        {
            return new Outcome(null, null, null, null, null, [], e.GetType(), Tail(e.Message));
        }
    }

    private static Outcome Of(Response r)
        => new(r.StatusCode, r.Reason, r.Headers["Content-Type"], r.Headers["X-Custom"], r.Text,
            [.. r.History.Select(h => $"{h.StatusCode} {h.Headers["Location"]}")], null, null);

    // Messages name the host and port, which differ between the two; what follows the URL must not.
    private static string Tail(string message)
    {
        int url = message.IndexOf("for url: ", StringComparison.Ordinal);
        int paren = message.LastIndexOf('(');
        return url >= 0 && paren > url ? message[..message.IndexOf(' ')] + " … " + message[paren..]
            : message.Split(' ')[0];
    }
}
