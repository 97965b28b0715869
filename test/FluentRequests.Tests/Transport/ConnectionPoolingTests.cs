using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Transport;

/// <summary>Throwaway sessions share pooled connections: a loop of requests does not open a connection per call.</summary>
public class ConnectionPoolingTests
{
    private const int Calls = 2000;
    private const int MaxConnections = 4;

    private static Task<KestrelServer> StartAsync() => KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("ok"));

    [Test]
    public async Task LoopOfTopLevelGetsReusesConnections([Values] bool async)
    {
        await using var server = await StartAsync();
        string url = server.Url("/");
        int ok = 0;

        for (int i = 0; i < Calls; i++)
        {
            var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));
            if (response.StatusCode == 200 && response.Text == "ok") ok++;
        }

        Assert.That(ok, Is.EqualTo(Calls));
        Assert.That(server.Connections, Is.InRange(1, MaxConnections));
    }

    [Test]
    public async Task LoopOnOneSessionReusesConnections([Values] bool async)
    {
        await using var server = await StartAsync();
        string url = server.Url("/");
        using var session = new Session();
        int ok = 0;

        for (int i = 0; i < Calls; i++)
        {
            var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));
            if (response.StatusCode == 200 && response.Text == "ok") ok++;
        }

        Assert.That(ok, Is.EqualTo(Calls));
        Assert.That(server.Connections, Is.InRange(1, MaxConnections));
    }

    [Test]
    public async Task NewSessionPerCallReusesConnections([Values] bool async)
    {
        await using var server = await StartAsync();
        string url = server.Url("/");

        for (int i = 0; i < 200; i++)
        {
            using var session = new Session();
            var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));
            Assert.That(response.StatusCode, Is.EqualTo(200));
        }

        Assert.That(server.Connections, Is.InRange(1, MaxConnections));
    }

    [Test]
    public async Task StreamedResponseReturnsItsConnectionWhenDisposed([Values] bool async)
    {
        await using var server = await StartAsync();
        string url = server.Url("/");

        for (int i = 0; i < 200; i++)
        {
            await using var response = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true));
            Assert.That(response.Text, Is.EqualTo("ok"));
        }

        Assert.That(server.Connections, Is.InRange(1, MaxConnections));
    }

    [Test]
    public async Task StreamedResponsesDisposedUnreadReturnTheirConnections([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(ctx => ctx.Response.Body.WriteAsync(new byte[16 * 1024]).AsTask());
        string url = server.Url("/");

        for (int i = 0; i < 100; i++)
        {
            var response = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true));
            Assert.That(response.StatusCode, Is.EqualTo(200));
            if (async) await response.DisposeAsync();
            else response.Dispose();
        }
        var next = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(next.Content, Has.Length.EqualTo(16 * 1024));
        Assert.That(server.Connections, Is.InRange(1, MaxConnections), "a short unread rest is drained and the connection reused");
    }

    [Test]
    public async Task StreamedResponsesDisposedWithMuchUnreadCloseTheirConnections([Values] bool async)
    {
        // Far beyond what the handler drains (1 MB): the connection cannot be reused, so it must be closed.
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            var chunk = new byte[64 * 1024];
            for (int i = 0; i < 160 && !ctx.RequestAborted.IsCancellationRequested; i++) await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
        });
        string url = server.Url("/big");

        for (int i = 0; i < 100; i++)
        {
            var response = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true));
            if (async) await response.DisposeAsync();
            else response.Dispose();
        }
        var next = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(next.Content, Has.Length.EqualTo(160 * 64 * 1024));
        Assert.That(server.OpenConnections, Is.LessThanOrEqualTo(MaxConnections), "disposed responses do not keep connections open");
    }

    [Test]
    public async Task LoopOfPostsWithBodiesReusesConnections([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            await ctx.Response.WriteAsync(await reader.ReadToEndAsync());
        });
        string url = server.Url("/echo");

        for (int i = 0; i < 500; i++)
        {
            string body = "n=" + i;
            var response = await Send.Either(async, () => Requests.Post(url, data: body), () => Requests.PostAsync(url, data: body));
            Assert.That(response.Text, Is.EqualTo(body));
        }

        Assert.That(server.Connections, Is.InRange(1, MaxConnections));
    }

    [Test]
    public async Task ErrorStatusesDoNotCostConnections([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 500;
            return ctx.Response.WriteAsync("boom");
        });
        string url = server.Url("/");

        for (int i = 0; i < 500; i++)
        {
            var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));
            Assert.That(response.StatusCode, Is.EqualTo(500));
        }

        Assert.That(server.Connections, Is.InRange(1, MaxConnections));
    }
}
