using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Api;

/// <summary>
/// The keywords every verb takes beyond API.md's list (totalTimeout, maxRedirects), and the one argument order
/// after the positionals: Put and Patch read a third argument as Post does.
/// </summary>
// Its cases share only a stateless server; the trickle and stall cases take seconds each, so they run side by side.
[Parallelizable(ParallelScope.Children)]
public class PerCallKeywordTests
{
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        var path = ctx.Request.Path.Value!;
        if (path == "/trickle")
        {
            // 3.6 s of body, one byte every 300 ms: never silent long enough for a 2 s per-read timeout.
            ctx.Response.ContentLength = 12;
            for (int i = 0; i < 12; i++)
            {
                await ctx.Response.Body.WriteAsync("x"u8.ToArray(), ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(300, ctx.RequestAborted);
            }
            return;
        }
        if (path == "/stall")
        {
            // Headers after 3 s: inside a 5 s per-read timeout, beyond a 0.5 s total.
            await Task.Delay(3000, ctx.RequestAborted);
            await ctx.Response.WriteAsync("late");
            return;
        }
        if (path.StartsWith("/hops/"))
        {
            int left = int.Parse(path["/hops/".Length..]);
            if (left > 0)
            {
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = $"/hops/{left - 1}";
                return;
            }
            await ctx.Response.WriteAsync("arrived");
            return;
        }
        using var reader = new StreamReader(ctx.Request.Body);
        await ctx.Response.WriteAsync($"{ctx.Request.Method}|{ctx.Request.QueryString}|{ctx.Request.ContentType}|{await reader.ReadToEndAsync()}");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task ANumericTimeoutIsPerReadSoATrickleCompletes([Values] bool async)
    {
        string url = _server.Url("/trickle");
        var response = await Send.Either(async, () => Requests.Get(url, timeout: 2), () => Requests.GetAsync(url, timeout: 2));
        Assert.That(response.Content, Has.Length.EqualTo(12), "3.6 s of body under a 2 s timeout: the timeout is per read");
    }

    [Test]
    public async Task TotalTimeoutBoundsTheWholeCall([Values] bool async)
    {
        string url = _server.Url("/stall");
        var deadline = TimeSpan.FromMilliseconds(500);
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<RequestTimeoutException>(async,
            () => Requests.Get(url, timeout: 5, totalTimeout: deadline), () => Requests.GetAsync(url, timeout: 5, totalTimeout: deadline));

        Assert.That(e, Is.Not.InstanceOf<ReadTimeoutException>(), "the deadline fired, not the 5 s read limit");
        Assert.That(e.Message, Does.Contain("total deadline of 0.5s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2.5)), "did not wait for the 3 s headers");
    }

    [Test]
    public async Task TotalTimeoutOnTheBuilderAndOnASessionsCall([Values] bool async)
    {
        using var session = new Session { Timeout = 5 };
        var deadline = TimeSpan.FromMilliseconds(500);
        string url = _server.Url("/stall");
        var builder = session.Url(url).WithTotalTimeout(deadline);

        var fromBuilder = await Send.Throws<RequestTimeoutException>(async, () => builder.Get(), () => builder.GetAsync());
        var fromSession = await Send.Throws<RequestTimeoutException>(async,
            () => session.Get(url, totalTimeout: deadline), () => session.GetAsync(url, totalTimeout: deadline));

        Assert.That(fromBuilder.Message, Does.Contain("total deadline of 0.5s"));
        Assert.That(fromSession.Message, Does.Contain("total deadline of 0.5s"));
    }

    [Test]
    public void ANonPositiveTotalTimeoutIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Requests.Get(_server.Url("/echo"), totalTimeout: TimeSpan.Zero));
        Assert.That(e!.Message, Does.Contain("total timeout must be positive"));
        Assert.Throws<ArgumentException>(() => Requests.Url(_server.Url("/echo")).WithTotalTimeout(TimeSpan.FromSeconds(-1)));
    }

    [Test]
    public async Task MaxRedirectsPerCallBeatsTheSessions([Values] bool async)
    {
        using var session = new Session { MaxRedirects = 1 };
        string url = _server.Url("/hops/3");

        var allowed = await Send.Either(async, () => session.Get(url, maxRedirects: 3), () => session.GetAsync(url, maxRedirects: 3));
        var refused = await Send.Throws<TooManyRedirectsException>(async,
            () => Requests.Get(url, maxRedirects: 2), () => Requests.GetAsync(url, maxRedirects: 2));

        Assert.That(allowed.Text, Is.EqualTo("arrived"));
        Assert.That(refused.Message, Does.Contain("2"));
    }

    [Test]
    public void ANegativeMaxRedirectsIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Requests.Get(_server.Url("/hops/0"), maxRedirects: -1));
        Assert.That(e!.Message, Does.Contain("maxRedirects"));
    }

    // Requests' put(url, data) takes no third positional; here the third is json for every body verb, as for Post.
    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("PATCH")]
    public async Task TheThirdArgumentOfABodyVerbIsJsonForEveryVerb(string verb)
    {
        string url = _server.Url("/echo");
        foreach (bool async in new[] { false, true })
        {
            var call = (verb, async) switch
            {
                ("POST", false) => Task.FromResult(Requests.Post(url, null, new { a = 1 })),
                ("POST", true) => Requests.PostAsync(url, null, new { a = 1 }),
                ("PUT", false) => Task.FromResult(Requests.Put(url, null, new { a = 1 })),
                ("PUT", true) => Requests.PutAsync(url, null, new { a = 1 }),
                ("PATCH", false) => Task.FromResult(Requests.Patch(url, null, new { a = 1 })),
                _ => Requests.PatchAsync(url, null, new { a = 1 }),
            };
            var response = await call;
            Assert.That(response.Text, Is.EqualTo($"{verb}||application/json|{{\"a\":1}}"), $"{verb} async={async}");
        }
    }

    [Test]
    public async Task SessionPutTakesJsonThirdToo([Values] bool async)
    {
        using var session = new Session();
        string url = _server.Url("/echo");
        var response = await Send.Either(async, () => session.Put(url, null, new[] { 1, 2 }), () => session.PutAsync(url, null, new[] { 1, 2 }));
        Assert.That(response.Text, Is.EqualTo("PUT||application/json|[1,2]"));
    }
}
