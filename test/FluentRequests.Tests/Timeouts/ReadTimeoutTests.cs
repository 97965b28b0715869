using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Timeouts;

public class ReadTimeoutTests
{
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        switch (ctx.Request.Path.Value)
        {
            case "/stall-headers":
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
                break;
            case "/stall-body":
                ctx.Response.ContentLength = 1000;
                await ctx.Response.Body.WriteAsync(new byte[100], ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
                break;
            case "/dribble":
                // Fifteen bytes, 100 ms apart: 1.5 s in all, each gap far below the 1 s read limit.
                for (int i = 0; i < 15; i++)
                {
                    await ctx.Response.Body.WriteAsync(new byte[] { (byte)'a' }, ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                    await Task.Delay(100, ctx.RequestAborted);
                }
                break;
            default:
                await ctx.Response.WriteAsync("ok");
                break;
        }
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task ReadTimeoutBeforeHeaders([Values] bool async)
    {
        string url = _server.Url("/stall-headers");
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<ReadTimeoutException>(async,
            () => Requests.Get(url, timeout: 0.3),
            () => Requests.GetAsync(url, timeout: 0.3));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(e.Message, Does.Contain(url).And.Contain("read timeout=0.3s"));
        Assert.That(e.Request?.Url, Is.EqualTo(url));
    }

    [Test]
    public async Task ReadTimeoutMidBodyWithoutStreaming([Values] bool async)
    {
        string url = _server.Url("/stall-body");

        var e = await Send.Throws<ReadTimeoutException>(async,
            () => Requests.Get(url, timeout: (5, 1)),
            () => Requests.GetAsync(url, timeout: (5, 1)));

        Assert.That(e.Message, Does.Contain("response body").And.Contain(url));
    }

    [Test]
    public async Task ReadTimeoutMidStreamRaisesReadTimeout([Values] bool async)
    {
        string url = _server.Url("/stall-body");
        using var response = await Send.Either(async,
            () => Requests.Get(url, timeout: (5, 1), stream: true),
            () => Requests.GetAsync(url, timeout: (5, 1), stream: true));
        Assert.That(response.StatusCode, Is.EqualTo(200));

        int received = 0;
        var e = await Send.Throws<ReadTimeoutException>(async,
            () =>
            {
                foreach (var chunk in response.IterContent(1024)) received += chunk.Length;
                return received;
            },
            async () =>
            {
                await foreach (var chunk in response.IterContentAsync(1024)) received += chunk.Length;
            });

        Assert.That(received, Is.EqualTo(100), "the bytes sent before the stall were delivered");
        Assert.That(e.Message, Does.Contain(url));
    }

    [Test]
    public async Task SlowButSteadyBodyIsNotATimeout([Values] bool async)
    {
        // The read limit bounds each wait, not the whole body: 15 bytes 100 ms apart under a 1 s read limit
        // succeed, although the body takes longer than the limit.
        string url = _server.Url("/dribble");
        var response = await Send.Either(async,
            () => Requests.Get(url, timeout: (5, 1)),
            () => Requests.GetAsync(url, timeout: (5, 1)));
        Assert.That(response.Text, Is.EqualTo(new string('a', 15)));
    }

    [Test]
    public async Task CallerCancellationWhileWaitingIsNotATimeout([Values] bool async)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        string url = _server.Url("/stall-headers");

        var e = await Send.Throws<OperationCanceledException>(async,
            () => Requests.Get(url, timeout: 30, cancellationToken: cts.Token),
            () => Requests.GetAsync(url, timeout: 30, cancellationToken: cts.Token));

        Assert.That(e.CancellationToken, Is.EqualTo(cts.Token));
    }

    [Test]
    public async Task InfiniteWaitsPastTheDefault()
    {
        // RequestTimeout.Infinite means no limit: the caller's token is the only way out.
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var e = await Send.Throws<OperationCanceledException>(true,
            () => null,
            () => Requests.GetAsync(_server.Url("/stall-headers"), timeout: RequestTimeout.Infinite, cancellationToken: cts.Token));
        Assert.That(e, Is.Not.InstanceOf<RequestException>());
    }

    [Test]
    public void SessionHasADocumentedDefaultTimeout()
    {
        using var session = new Session();
        Assert.That(session.Timeout, Is.EqualTo(RequestTimeout.Default));
        Assert.That(RequestTimeout.Default.Connect, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(RequestTimeout.Default.Read, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }
}
