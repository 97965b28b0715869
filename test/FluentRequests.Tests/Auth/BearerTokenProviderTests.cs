using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Authentication;

/// <summary>
/// Auth.Bearer with a token provider: asked once per request sent — the first, a retry, a redirect hop — and never
/// when the auth is dropped for another host. Each test has its own path prefix on the shared server.
/// </summary>
public class BearerTokenProviderTests
{
    private static readonly RetryPolicy Fast = new()
    {
        MaxRetries = 2, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(20),
    };

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _seen = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        string[] parts = ctx.Request.Path.Value!.Trim('/').Split('/');
        string test = parts[0], step = parts[1];
        _seen.GetOrAdd(test, _ => new()).Enqueue($"{ctx.Request.Host.Host} /{step} {ctx.Request.Headers.Authorization}");
        int hit = _hits.AddOrUpdate(ctx.Request.Path.Value!, 1, (_, n) => n + 1);
        switch (step)
        {
            case "flaky" when hit == 1:
                ctx.Response.StatusCode = 503;
                break;
            case "flaky":
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = $"/{test}/done";
                break;
            case "away":
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = $"http://localhost:{ctx.Request.Host.Port}/{test}/done";
                break;
        }
        await ctx.Response.WriteAsync(step);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private static string NewTest() => Guid.NewGuid().ToString("N");

    private string[] Seen(string test) => _seen.GetValueOrDefault(test)?.ToArray() ?? [];

    [Test]
    public async Task SyncProviderIsAskedOncePerRequestSentAcrossARetryAndARedirect([Values] bool async)
    {
        string test = NewTest();
        int calls = 0;
        var auth = Auth.Bearer(() => "t" + Interlocked.Increment(ref calls));
        using var session = new Session { Retry = Fast, Auth = auth };

        var response = await Send.Either(async, () => session.Get(_server.Url($"/{test}/flaky")), () => session.GetAsync(_server.Url($"/{test}/flaky")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(calls, Is.EqualTo(3), "503, then its retry's 302, then the redirect hop's 200");
        Assert.That(Seen(test), Is.EqualTo(new[] { "127.0.0.1 /flaky Bearer t1", "127.0.0.1 /flaky Bearer t2", "127.0.0.1 /done Bearer t3" }));
        Assert.That(response.Request.Headers["Authorization"], Is.EqualTo("Bearer t3"));
    }

    [Test]
    public async Task AsyncProviderIsAskedOncePerRequestSentWithTheCallsToken([Values] bool async)
    {
        string test = NewTest();
        int calls = 0;
        using var cts = new CancellationTokenSource();
        var tokens = new ConcurrentBag<CancellationToken>();
        var auth = Auth.Bearer(async ct =>
        {
            tokens.Add(ct);
            int n = Interlocked.Increment(ref calls);
            if (async) await Task.Yield(); // the sync API can only use a provider that completes synchronously
            return "a" + n;
        });
        using var session = new Session { Retry = Fast };

        await Send.Either(async,
            () => session.Get(_server.Url($"/{test}/flaky"), auth: auth),
            () => session.GetAsync(_server.Url($"/{test}/flaky"), auth: auth, cancellationToken: cts.Token));

        Assert.That(calls, Is.EqualTo(3));
        Assert.That(Seen(test), Is.EqualTo(new[] { "127.0.0.1 /flaky Bearer a1", "127.0.0.1 /flaky Bearer a2", "127.0.0.1 /done Bearer a3" }));
        if (async) Assert.That(tokens.All(t => t.CanBeCanceled), Is.True, "the provider gets the call's cancellation token");
    }

    [Test]
    public async Task ProviderIsNotAskedForAnotherHostAndItsTokenDoesNotGoThere([Values] bool async)
    {
        string test = NewTest();
        int calls = 0;
        var auth = Auth.Bearer(() => "t" + Interlocked.Increment(ref calls));

        await Send.Either(async,
            () => Requests.Get(_server.Url($"/{test}/away"), auth: auth),
            () => Requests.GetAsync(_server.Url($"/{test}/away"), auth: auth));

        Assert.That(calls, Is.EqualTo(1));
        Assert.That(Seen(test), Is.EqualTo(new[] { "127.0.0.1 /away Bearer t1", "localhost /done " }));
    }

    [Test]
    public async Task PreparingDoesNotAskTheProvider([Values] bool async)
    {
        string test = NewTest();
        int calls = 0;
        using var session = new Session { Auth = Auth.Bearer(() => "t" + Interlocked.Increment(ref calls)) };

        var prepared = session.Prepare(new Request("GET", _server.Url($"/{test}/one")));
        Assert.That(calls, Is.Zero);
        Assert.That(prepared.Headers["Authorization"], Is.Null);

        await Send.Either(async, () => session.Send(prepared), () => session.SendAsync(prepared));
        Assert.That(calls, Is.EqualTo(1));
        Assert.That(Seen(test), Is.EqualTo(new[] { "127.0.0.1 /one Bearer t1" }));
    }

    [Test]
    public void SyncCallWithAPendingAsyncProviderThrowsAndSendsNothing()
    {
        string test = NewTest();
        var auth = Auth.Bearer(async ct =>
        {
            await Task.Delay(10, ct);
            return "late";
        });

        var e = Assert.Throws<InvalidOperationException>(() => Requests.Get(_server.Url($"/{test}/one"), auth: auth));

        Assert.That(e!.Message, Does.Contain("async").And.Contain("Func<string>"));
        Assert.That(Seen(test), Is.Empty);
    }

    [Test]
    public async Task ProviderReturningNoTokenThrowsAndSendsNothing([Values] bool async)
    {
        string test = NewTest();
        var auth = Auth.Bearer(() => null!);

        var e = await Send.Throws<InvalidOperationException>(async,
            () => Requests.Get(_server.Url($"/{test}/one"), auth: auth), () => Requests.GetAsync(_server.Url($"/{test}/one"), auth: auth));

        Assert.That(e.Message, Does.Contain("returned null"));
        Assert.That(Seen(test), Is.Empty);
    }

    [Test]
    public async Task ProviderTokenWithALineBreakCannotInjectAHeader([Values] bool async)
    {
        string test = NewTest();
        var auth = Auth.Bearer(() => "tok\r\nX-Injected: 1");

        await Send.Throws<InvalidHeaderException>(async,
            () => Requests.Get(_server.Url($"/{test}/one"), auth: auth), () => Requests.GetAsync(_server.Url($"/{test}/one"), auth: auth));

        Assert.That(Seen(test), Is.Empty);
    }
}
