using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Retries;

public class RetryTests
{
    // Each test uses its own path; the server fails a path's first N requests as the path says.
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private KestrelServer _server = null!;

    private static readonly RetryPolicy Fast = new()
    {
        MaxRetries = 3, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(50),
    };

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        var path = ctx.Request.Path.Value!;
        int hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var query = ctx.Request.Query;
        int failures = int.Parse(query["fail"].FirstOrDefault() ?? "0");
        int status = int.Parse(query["status"].FirstOrDefault() ?? "503");
        if (hit <= failures)
        {
            ctx.Response.StatusCode = status;
            if (query["retryAfter"].FirstOrDefault() is { } after) ctx.Response.Headers.RetryAfter = after;
            if (query["stall"].Count > 0) await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
            if (query["drop"].Count > 0)
            {
                // The whole request arrived; the connection goes without a response.
                using var drained = new StreamReader(ctx.Request.Body);
                await drained.ReadToEndAsync();
                ctx.Abort();
                return;
            }
            await ctx.Response.WriteAsync($"fail {hit}");
            return;
        }
        using var reader = new StreamReader(ctx.Request.Body);
        await ctx.Response.WriteAsync($"ok {hit} {await reader.ReadToEndAsync()}");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private string Path(string name, bool async, string query) => _server.Url($"/{name}-{async}?{query}");

    private int Hits(string url) => _hits.GetValueOrDefault(new Uri(url).AbsolutePath);

    [Test]
    public async Task RetriesTransientStatusesThenSucceeds([Values] bool async)
    {
        using var session = new Session { Retry = Fast };
        string url = Path("flaky", async, "fail=2");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Does.StartWith("ok 3"));
        Assert.That(Hits(url), Is.EqualTo(3));
    }

    [Test]
    public async Task OffByDefault([Values] bool async)
    {
        string url = Path("noretry", async, "fail=1");
        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));
        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(Hits(url), Is.EqualTo(1));
    }

    [Test]
    public async Task PostIsNotRetriedByDefault([Values] bool async)
    {
        using var session = new Session { Retry = Fast };
        string url = Path("post", async, "fail=1");

        var response = await Send.Either(async, () => session.Post(url, data: "x"), () => session.PostAsync(url, data: "x"));

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(Hits(url), Is.EqualTo(1));
    }

    [Test]
    public async Task PostIsRetriedWhenThePolicyAllowsIt_BodyResent([Values] bool async)
    {
        using var session = new Session { Retry = Fast with { Methods = new HashSet<string> { "POST" } } };
        string url = Path("post-allowed", async, "fail=1");
        using var body = new MemoryStream("payload"u8.ToArray());

        var response = await Send.Either(async, () => session.Post(url, data: body), () => session.PostAsync(url, data: body));

        Assert.That(response.Text, Is.EqualTo("ok 2 payload"), "the stream body was rewound for the retry");
    }

    [Test]
    public async Task RetryAfterSecondsIsHonoured([Values] bool async)
    {
        using var session = new Session { Retry = Fast };
        string url = Path("retry-after", async, "fail=1&status=429&retryAfter=1");
        var watch = Stopwatch.StartNew();

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(900)), "waited for Retry-After, not the 10 ms backoff");
    }

    [Test]
    public void RetryAfterHttpDateAndCap()
    {
        var policy = new RetryPolicy { MaxRetryAfter = TimeSpan.FromSeconds(5) };
        var date = DateTimeOffset.UtcNow.AddSeconds(3).ToString("r");

        var fromDate = PollyRetry.RetryAfter(policy, FakeResponse(("Retry-After", date)));
        var capped = PollyRetry.RetryAfter(policy, FakeResponse(("Retry-After", "3600")));
        var ignored = PollyRetry.RetryAfter(policy with { RespectRetryAfter = false }, FakeResponse(("Retry-After", "2")));

        Assert.That(fromDate, Is.GreaterThan(TimeSpan.FromSeconds(1)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(capped, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(ignored, Is.Null);
    }

    [Test]
    public async Task ExhaustedOnStatusReturnsTheLastResponse([Values] bool async)
    {
        using var session = new Session { Retry = Fast with { MaxRetries = 2 } };
        string url = Path("exhausted", async, "fail=10");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(response.Text, Is.EqualTo("fail 3"));
        Assert.That(Hits(url), Is.EqualTo(3));
    }

    [Test]
    public async Task ExhaustedOnStatusRaisesWhenAsked([Values] bool async)
    {
        using var session = new Session { Retry = Fast with { MaxRetries = 2, RaiseOnExhausted = true } };
        string url = Path("exhausted-raise", async, "fail=10");

        var e = await Send.Throws<RetryException>(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(e.Response?.StatusCode, Is.EqualTo(503));
        Assert.That(e.Message, Does.Contain("Max retries exceeded").And.Contain("3 attempts"));
    }

    [Test]
    public async Task ConnectErrorsAreRetriedAndTheLastErrorSurfaces([Values] bool async)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var session = new Session { Retry = Fast with { MaxRetries = 2 } };
        string url = $"http://127.0.0.1:{port}/";

        var e = await Send.Throws<ConnectionException>(async, () => session.Post(url), () => session.PostAsync(url));

        Assert.That(e.Message, Does.Contain(url).And.Contain("after 3 attempts"));
    }

    [Test]
    public async Task ReadTimeoutsAreRetriedForIdempotentMethods([Values] bool async)
    {
        // The first request stalls until its read limit fires; a retry gets the answer. The limit is generous so a
        // loaded machine cannot make the retried, answered request time out too.
        using var session = new Session { Retry = Fast, Timeout = (5, 1.5) };
        string url = Path("stall", async, "fail=1&stall=1");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Hits(url), Is.GreaterThanOrEqualTo(2), "the timed-out attempt was retried");
    }

    [Test]
    public async Task PostStallingPastTheReadTimeoutIsNotRetriedByDefault([Values] bool async)
    {
        // Read errors are retried only for the policy's methods: the server may have acted on the POST already.
        using var session = new Session { Retry = Fast, Timeout = (5, 0.5) };
        string url = Path("post-stall", async, "fail=10&stall=1");

        var e = await Send.Throws<ReadTimeoutException>(async, () => session.Post(url, data: "x"), () => session.PostAsync(url, data: "x"));

        Assert.That(e.Request?.Method, Is.EqualTo("POST"));
        Assert.That(Hits(url), Is.EqualTo(1), "one request at the server: the POST was not resent");
        Assert.That(e.Message, Does.Not.Contain("gave up after"), "raised on the first attempt");
    }

    [Test]
    public async Task PostWhoseConnectionDropsAfterTheRequestIsNotRetriedByDefault([Values] bool async)
    {
        using var session = new Session { Retry = Fast };
        string url = Path("post-drop", async, "fail=10&drop=1");

        var e = await Send.Throws<ConnectionException>(async, () => session.Post(url, data: "x"), () => session.PostAsync(url, data: "x"));

        Assert.That(e, Is.Not.InstanceOf<ProxyException>().And.Not.InstanceOf<SslException>());
        Assert.That(Hits(url), Is.EqualTo(1), "one request at the server: the POST was not resent");
        Assert.That(e.Message, Does.Not.Contain("gave up after"), "raised on the first attempt");
    }

    [Test]
    public async Task TotalDeadlineCoversRetriesAndTheirDelays([Values] bool async)
    {
        using var session = new Session
        {
            Retry = new RetryPolicy { MaxRetries = 5, BackoffBase = TimeSpan.FromSeconds(8), BackoffMax = TimeSpan.FromSeconds(8), Jitter = false },
            Timeout = RequestTimeout.FromSeconds(5).WithTotal(TimeSpan.FromMilliseconds(1500)),
        };
        string url = Path("deadline", async, "fail=10");
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<RequestTimeoutException>(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(e, Is.Not.InstanceOf<ReadTimeoutException>().And.Not.InstanceOf<ConnectTimeoutException>());
        Assert.That(e.Message, Does.Contain("total deadline of 1.5s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(7)), "did not sit out the 8 s backoff");
        Assert.That(Hits(url), Is.EqualTo(1));
    }

    [Test]
    public void InvalidPolicyIsRejectedWhereItIsWritten()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new RetryPolicy { MaxRetries = 0 });
        Assert.That(e!.Message, Does.Contain("MaxRetries").And.Contain("RetryPolicy.None"));
        Assert.Throws<ArgumentException>(() => RetryPolicy.Times(-1));
        Assert.Throws<ArgumentException>(() => _ = Fast with { MaxRetries = 0 });
    }

    [Test]
    public void InvalidBackoffIsRejectedBeforeSending()
    {
        using var session = new Session { Retry = new RetryPolicy { BackoffBase = TimeSpan.FromSeconds(2), BackoffMax = TimeSpan.FromSeconds(1) } };
        var e = Assert.Throws<ArgumentException>(() => session.Get(_server.Url("/never-sent")));
        Assert.That(e!.Message, Does.Contain("BackoffMax"));
        Assert.That(Hits(_server.Url("/never-sent")), Is.EqualTo(0));
    }

    private static Response FakeResponse(params (string Name, string Value)[] headers)
    {
        var h = new HeaderCollection();
        foreach (var (n, v) in headers) h[n] = v;
        var request = new Session().Prepare(new FluentRequests.Request("GET", "http://127.0.0.1/"));
        return Response.Buffered(request, 503, "Service Unavailable", h, [], TimeSpan.Zero, []);
    }
}
