using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Diagnostics;

/// <summary>The internal per-call observer the dependency-injection package logs through.</summary>
public class CallObserverTests
{
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        string path = ctx.Request.Path.Value!;
        int hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (path.StartsWith("/flaky/", StringComparison.Ordinal) && hit == 1) ctx.Response.StatusCode = 503;
        else if (path.StartsWith("/redirect/", StringComparison.Ordinal) && hit == 1)
        {
            ctx.Response.StatusCode = 301;
            ctx.Response.Headers.Location = path;
        }
        await ctx.Response.WriteAsync("ok");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task StartAndEndWithTheRedactedUrlStatusAndCounts([Values] bool async)
    {
        var observer = new RecordingObserver();
        using var session = new Session { CallObserver = observer, Retry = new RetryPolicy { BackoffBase = TimeSpan.FromMilliseconds(5), Jitter = false } };
        string path = $"/redirect/{async}";
        string url = _server.Url(path).Replace("http://", "http://bob:hunter2@") + "?key=abc";
        string flaky = _server.Url($"/flaky/{async}");

        await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));
        await Send.Either(async, () => session.Get(flaky), () => session.GetAsync(flaky));

        string redacted = _server.Url(path) + "?*";
        Assert.That(observer.Events, Is.EqualTo(new[]
        {
            $"start GET {redacted}",
            $"end GET {redacted} 200 redirects=1 retries=0",
            $"start GET {flaky}",
            $"end GET {flaky} 200 redirects=0 retries=1",
        }));
    }

    [Test]
    public async Task FailureReportsTheException([Values] bool async)
    {
        var observer = new RecordingObserver();
        using var session = new Session { CallObserver = observer };
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        string url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/gone";
        listener.Stop();

        var e = await Send.Throws<ConnectionException>(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(observer.Events, Is.EqualTo(new[] { $"start GET {url}", $"failure GET {url} ConnectionException redirects=0 retries=0" }));
        Assert.That(observer.Exceptions.Single(), Is.SameAs(e));
    }

    private sealed class RecordingObserver : ICallObserver
    {
        public List<string> Events { get; } = new();

        public List<Exception> Exceptions { get; } = new();

        public void OnStart(string method, string url) => Events.Add($"start {method} {url}");

        public void OnEnd(string method, string url, int statusCode, TimeSpan elapsed, int redirects, int retries)
        {
            Assert.That(elapsed, Is.GreaterThan(TimeSpan.Zero));
            Events.Add($"end {method} {url} {statusCode} redirects={redirects} retries={retries}");
        }

        public void OnFailure(string method, string url, Exception exception, TimeSpan elapsed, int redirects, int retries)
        {
            Exceptions.Add(exception);
            Events.Add($"failure {method} {url} {exception.GetType().Name} redirects={redirects} retries={retries}");
        }
    }
}
