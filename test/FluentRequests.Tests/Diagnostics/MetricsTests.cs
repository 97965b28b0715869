using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Diagnostics;

/// <summary>The FluentRequests Meter: one duration per call, calls in flight, retries and redirects, with the semantic conventions' tags.</summary>
public class MetricsTests
{
    private static readonly RetryPolicy Fast = new()
    {
        MaxRetries = 3, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(20),
    };

    private readonly ConcurrentDictionary<string, int> _hits = new();
    private KestrelServer _server = null!;
    private int _port;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await KestrelServer.StartAsync(async ctx =>
        {
            string path = ctx.Request.Path.Value!;
            int hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (path.StartsWith("/redirect/", StringComparison.Ordinal) && hit == 1)
            {
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = path;
            }
            else if (path.StartsWith("/flaky/", StringComparison.Ordinal) && hit <= 2)
            {
                ctx.Response.StatusCode = 503;
            }
            await ctx.Response.WriteAsync("ok");
        });
        _port = new Uri(_server.BaseUrl).Port;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task OneDurationPerCallWithTheFinalStatusAndTheRequestsTags([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session();
        string url = _server.Url($"/redirect/{async}");

        await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        var duration = capture.Measurements("http.client.request.duration").Single();
        Assert.That(duration.Instrument.Unit, Is.EqualTo("s"));
        Assert.That(duration.Value, Is.GreaterThan(0).And.LessThan(30));
        Assert.That(duration.Tags["http.request.method"], Is.EqualTo("GET"));
        Assert.That(duration.Tags["server.address"], Is.EqualTo("127.0.0.1"));
        Assert.That(duration.Tags["url.scheme"], Is.EqualTo("http"));
        Assert.That(duration.Tags["http.response.status_code"], Is.EqualTo(200));
        Assert.That(duration.Tags["network.protocol.version"], Is.EqualTo("1.1"));
        Assert.That(duration.Tags.ContainsKey("error.type"), Is.False);

        var redirects = capture.Measurements("fluentrequests.client.redirects").Single();
        Assert.That(redirects.Value, Is.EqualTo(1));
        Assert.That(redirects.Instrument.Unit, Is.EqualTo("{redirect}"));
        Assert.That(capture.Measurements("fluentrequests.client.retries"), Is.Empty);
    }

    [Test]
    public async Task RetriesAreCountedAndActiveRequestsReturnToZero([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session { Retry = Fast };
        string url = _server.Url($"/flaky/{async}");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(capture.Measurements("fluentrequests.client.retries").Single().Value, Is.EqualTo(2));
        var active = capture.Measurements("http.client.active_requests");
        Assert.That(active.Select(m => m.Value), Is.EqualTo(new[] { 1.0, -1.0 }));
        Assert.That(active[0].Instrument.Unit, Is.EqualTo("{request}"));
        Assert.That(active[0].Tags.ContainsKey("http.response.status_code"), Is.False, "in-flight calls have no outcome yet");
        Assert.That(capture.Measurements("http.client.request.duration"), Has.Count.EqualTo(1), "per call, not per attempt");
    }

    [Test]
    public async Task AFailedCallIsMeasuredWithItsErrorType([Values] bool async)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var capture = new TelemetryCapture(port);
        using var session = new Session();
        string url = $"http://127.0.0.1:{port}/";

        await Send.Throws<ConnectionException>(async, () => session.Get(url), () => session.GetAsync(url));

        var duration = capture.Measurements("http.client.request.duration").Single();
        Assert.That(duration.Tags["error.type"], Is.EqualTo("FluentRequests.ConnectionException"));
        Assert.That(duration.Tags.ContainsKey("http.response.status_code"), Is.False);
        Assert.That(capture.Measurements("http.client.active_requests").Sum(m => m.Value), Is.Zero);
    }

    [Test]
    public void TheDurationHistogramCarriesTheSemanticConventionsBucketAdvice()
    {
        Histogram<double>? duration = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument is { Meter.Name: "FluentRequests", Name: "http.client.request.duration" }) duration = (Histogram<double>)instrument;
            },
        };
        listener.Start();

        Assert.That(duration, Is.Not.Null);
        Assert.That(duration!.Advice?.HistogramBucketBoundaries,
            Is.EqualTo(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 }));
    }
}
