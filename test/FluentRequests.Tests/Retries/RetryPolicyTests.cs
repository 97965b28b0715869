using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Retries;

/// <summary>RetryPolicy as a user writes it: collection expressions, switching a session's retry off for one call, ToString.</summary>
public class RetryPolicyTests
{
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private KestrelServer _server = null!;

    private static readonly RetryPolicy Fast = new()
    {
        MaxRetries = 3, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(50),
    };

    // The first request to a path fails with ?status= (default 503); later ones answer "ok <hit>".
    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        int hit = _hits.AddOrUpdate(ctx.Request.Path.Value!, 1, (_, n) => n + 1);
        if (hit == 1)
        {
            ctx.Response.StatusCode = int.Parse(ctx.Request.Query["status"].FirstOrDefault() ?? "503");
            return;
        }
        await ctx.Response.WriteAsync($"ok {hit}");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private string Url(string name, bool async, string query = "") => _server.Url($"/{name}-{async}{query}");

    private int Hits(string url) => _hits.GetValueOrDefault(new Uri(url).AbsolutePath);

    [Test]
    public async Task StatusCodesTakeACollectionExpression([Values] bool async)
    {
        using var session = new Session { Retry = Fast with { StatusCodes = [500] } };
        string retried = Url("codes-500", async, "?status=500"), notRetried = Url("codes-503", async, "?status=503");

        var first = await Send.Either(async, () => session.Get(retried), () => session.GetAsync(retried));
        var second = await Send.Either(async, () => session.Get(notRetried), () => session.GetAsync(notRetried));

        Assert.That(first.StatusCode, Is.EqualTo(200));
        Assert.That(second.StatusCode, Is.EqualTo(503), "503 is not in [500]");
        Assert.That(Hits(notRetried), Is.EqualTo(1));
    }

    [Test]
    public async Task MethodsTakeACollectionExpressionInAnyCase([Values] bool async)
    {
        using var session = new Session { Retry = Fast with { Methods = [.. RetryPolicy.IdempotentMethods, "post"] } };
        string url = Url("post-lower", async);

        var response = await Send.Either(async, () => session.Post(url, "x"), () => session.PostAsync(url, "x"));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Hits(url), Is.EqualTo(2));
    }

    [Test]
    public async Task NoneSwitchesTheSessionsRetryOffForOneCall([Values] bool async)
    {
        using var session = new Session { Retry = Fast };
        string off = Url("none-keyword", async), on = Url("none-control", async);

        var once = await Send.Either(async, () => session.Get(off, retry: RetryPolicy.None), () => session.GetAsync(off, retry: RetryPolicy.None));
        var retried = await Send.Either(async, () => session.Get(on), () => session.GetAsync(on));

        Assert.That(once.StatusCode, Is.EqualTo(503));
        Assert.That(Hits(off), Is.EqualTo(1));
        Assert.That(retried.StatusCode, Is.EqualTo(200), "the session's policy still applies to the next call");
    }

    [Test]
    public async Task NoneOnTheBuilderSwitchesTheSessionsRetryOff([Values] bool async)
    {
        using var session = new Session { Retry = Fast };
        string url = Url("none-builder", async);
        var builder = session.Url(url).WithRetry(RetryPolicy.None);

        var response = await Send.Either(async, () => builder.Get(), () => builder.GetAsync());

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(Hits(url), Is.EqualTo(1));
    }

    [Test]
    public async Task NoneAsTheSessionsPolicyDoesNotRetry([Values] bool async)
    {
        using var session = new Session { Retry = RetryPolicy.None };
        string url = Url("none-session", async);

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(Hits(url), Is.EqualTo(1));
    }

    [Test]
    public async Task ACallsRetryKeywordRetriesOnASessionWithout([Values] bool async)
    {
        string url = Url("keyword-on", async);

        var response = await Send.Either(async, () => Requests.Get(url, retry: Fast), () => Requests.GetAsync(url, retry: Fast));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Hits(url), Is.EqualTo(2));
    }

    [Test]
    public void WithRetryNullSaysHowToSwitchRetriesOff()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Requests.Url(_server.Url("/x")).WithRetry(null!));
        Assert.That(e!.Message, Does.Contain("RetryPolicy.None"));
    }

    [Test]
    public void NoneIsTheOnlyPolicyWithoutRetries()
    {
        Assert.That(RetryPolicy.None.IsNone, Is.True);
        Assert.That(RetryPolicy.None.MaxRetries, Is.EqualTo(0));
        Assert.That(new RetryPolicy().IsNone, Is.False);
        Assert.That((RetryPolicy.None with { MaxRetries = 2 }).IsNone, Is.False, "a policy made from None with retries retries");
    }

    [Test]
    public void ToStringShowsTheSettings()
    {
        var text = (Fast with { StatusCodes = [503, 429], Methods = ["put", "GET"], RaiseOnExhausted = true }).ToString();

        Assert.That(text, Does.StartWith("RetryPolicy(3 retries, backoff 0.01s..0.05s with jitter"));
        Assert.That(text, Does.Contain("statuses 429,503"));
        Assert.That(text, Does.Contain("methods GET,put"));
        Assert.That(text, Does.Contain("Retry-After up to 60s"));
        Assert.That(text, Does.Contain("raises when exhausted"));
        Assert.That(text, Does.Not.Contain("System."), "no type names");
        Assert.That(RetryPolicy.None.ToString(), Is.EqualTo("RetryPolicy.None"));
    }
}
