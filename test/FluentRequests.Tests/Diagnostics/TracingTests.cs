using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Diagnostics;

/// <summary>
/// Spans and trace context against a real server: one Internal span per call, one Client span per request on the wire
/// under it, the W3C trace context the server receives on every hop, and nothing secret in any span. Tests in this
/// fixture run one at a time, so one test's System.Net.Http listener never changes another's spans.
/// </summary>
public class TracingTests
{
    private static readonly RetryPolicy Fast = new()
    {
        MaxRetries = 3, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(20),
    };

    private readonly ConcurrentQueue<(string Path, string? TraceParent, string? TraceState)> _received = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private KestrelServer _server = null!;
    private int _port;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await KestrelServer.StartAsync(async ctx =>
        {
            string path = ctx.Request.Path.Value!;
            string? traceParent = ctx.Request.Headers.TryGetValue("traceparent", out var tp) ? tp.ToString() : null;
            string? traceState = ctx.Request.Headers.TryGetValue("tracestate", out var ts) ? ts.ToString() : null;
            _received.Enqueue((path, traceParent, traceState));
            int hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (path.StartsWith("/redirect/", StringComparison.Ordinal))
            {
                int left = int.Parse(path["/redirect/".Length..].Split('/')[0]);
                string rest = path["/redirect/".Length..][left.ToString().Length..];
                ctx.Response.StatusCode = left > 0 ? 302 : 200;
                if (left > 0) ctx.Response.Headers.Location = $"/redirect/{left - 1}{rest}";
            }
            else if (path.StartsWith("/flaky/", StringComparison.Ordinal) && hit == 1)
            {
                ctx.Response.StatusCode = 503;
            }
            else if (path.StartsWith("/status/", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = int.Parse(path.Split('/')[2]);
            }
            await ctx.Response.WriteAsync("ok");
        });
        _port = new Uri(_server.BaseUrl).Port;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private IReadOnlyList<(string Path, string? TraceParent, string? TraceState)> ReceivedOn(string marker)
        => _received.Where(r => r.Path.Contains(marker, StringComparison.Ordinal)).ToList();

    private static string TraceParentOf(Activity span) => $"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-01";

    [Test]
    public async Task ASuccessIsOneInternalCallSpanOverOneClientHopWhoseIdTheServerReceives([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session();
        string url = _server.Url($"/ok/{async}");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        var call = capture.SingleCall;
        Assert.That(call.Kind, Is.EqualTo(ActivityKind.Internal));
        Assert.That(call.DisplayName, Is.EqualTo("GET"));
        Assert.That(call.Source.Name, Is.EqualTo("FluentRequests"));
        Assert.That(call.ParentSpanId, Is.EqualTo(capture.Root.SpanId), "the call is a child of the caller's current activity");
        Assert.That(call.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(call.GetTagItem("http.request.method"), Is.EqualTo("GET"));
        Assert.That(call.GetTagItem("server.address"), Is.EqualTo("127.0.0.1"));
        Assert.That(call.GetTagItem("server.port"), Is.EqualTo(_port));
        Assert.That(call.GetTagItem("url.full"), Is.EqualTo(url));
        Assert.That(call.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(call.GetTagItem("network.protocol.version"), Is.EqualTo("1.1"));
        Assert.That(call.GetTagItem("error.type"), Is.Null);

        var hop = capture.ClientSpans.Single();
        Assert.That(hop.Source.Name, Is.EqualTo("FluentRequests"));
        Assert.That(hop.OperationName, Is.EqualTo("FluentRequests.Hop"));
        Assert.That(hop.DisplayName, Is.EqualTo("GET"));
        Assert.That(hop.ParentSpanId, Is.EqualTo(call.SpanId));
        Assert.That(hop.GetTagItem("url.full"), Is.EqualTo(url));
        Assert.That(hop.GetTagItem("server.port"), Is.EqualTo(_port));
        Assert.That(hop.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(hop.GetTagItem("network.protocol.version"), Is.EqualTo("1.1"));
        Assert.That(hop.GetTagItem("http.request.resend_count"), Is.Null, "the first request is no resend");

        var received = ReceivedOn($"/ok/{async}").Single();
        Assert.That(received.TraceParent, Is.EqualTo(TraceParentOf(hop)), "the server's parent is the hop's span, in the caller's trace");
    }

    [Test]
    public async Task AnHttp2CallRecordsProtocolVersion2AndSendsTheHopsTraceContext()
    {
        string? traceParent = null;
        await using var h2c = await KestrelServer.StartAsync(async ctx =>
        {
            traceParent = ctx.Request.Headers.TryGetValue("traceparent", out var tp) ? tp.ToString() : null;
            await ctx.Response.WriteAsync(ctx.Request.Protocol);
        }, ServerProtocol.H2c);
        int port = new Uri(h2c.BaseUrl).Port;
        using var capture = new TelemetryCapture(port);
        using var session = new Session { HttpVersion = System.Net.HttpVersion.Version20, HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var response = await session.GetAsync(h2c.Url("/h2"));

        Assert.That(response.Text, Is.EqualTo("HTTP/2"));
        var call = capture.SingleCall;
        Assert.That(call.GetTagItem("network.protocol.version"), Is.EqualTo("2"));
        var hop = capture.ClientSpans.Single();
        Assert.That(hop.ParentSpanId, Is.EqualTo(call.SpanId));
        Assert.That(hop.GetTagItem("network.protocol.version"), Is.EqualTo("2"));
        Assert.That(traceParent, Is.EqualTo(TraceParentOf(hop)), "the HTTP/2 stream carries the hop's span id");
        var duration = capture.Measurements("http.client.request.duration").Single();
        Assert.That(duration.Tags["network.protocol.version"], Is.EqualTo("2"));
    }

    [Test]
    public async Task ThreeRedirectsAreFourHopsUnderOneCallEachSendingItsOwnSpanId([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port, traceState: "vendor=abc");
        using var session = new Session();
        string url = _server.Url($"/redirect/3/three-{async}");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.History, Has.Length.EqualTo(3));
        var call = capture.SingleCall;
        Assert.That(call.GetTagItem("url.full"), Is.EqualTo(url), "the call shows the URL asked for");
        Assert.That(call.GetTagItem("http.response.status_code"), Is.EqualTo(200), "and the final response's status");
        var hops = capture.ClientSpans;
        Assert.That(hops, Has.Count.EqualTo(4));
        Assert.That(hops.Select(h => h.ParentSpanId), Is.All.EqualTo(call.SpanId));
        Assert.That(hops.Select(h => h.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 302, 302, 302, 200 }));
        Assert.That(hops.Select(h => h.GetTagItem("http.request.resend_count")), Is.EqualTo(new object?[] { null, 1, 2, 3 }),
            "the semantic conventions count every resend, redirects included");
        Assert.That(hops.Select(h => h.GetTagItem("url.full")), Is.EqualTo(new[]
        {
            url, _server.Url($"/redirect/2/three-{async}"), _server.Url($"/redirect/1/three-{async}"), _server.Url($"/redirect/0/three-{async}"),
        }));

        var received = ReceivedOn($"three-{async}");
        Assert.That(received.Select(r => r.TraceParent), Is.EqualTo(hops.Select(TraceParentOf)), "every hop carries its own span id");
        Assert.That(received.Select(r => r.TraceState), Is.All.EqualTo("vendor=abc"));
    }

    [Test]
    public async Task ConcurrentCallsInOneFlowKeepTheirOwnHops()
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session();
        string[] urls = Enumerable.Range(0, 4).Select(i => _server.Url($"/redirect/1/concurrent-{i}")).ToArray();

        var responses = await Task.WhenAll(urls.Select(u => session.GetAsync(u)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(200));
        var calls = capture.CallSpans;
        Assert.That(calls, Has.Count.EqualTo(4));
        foreach (var call in calls)
        {
            string url = (string)call.GetTagItem("url.full")!;
            string marker = url[url.IndexOf("concurrent-", StringComparison.Ordinal)..];
            var hops = capture.ClientSpans.Where(h => h.ParentSpanId == call.SpanId).ToList();
            Assert.That(hops.Select(h => (string)h.GetTagItem("url.full")!), Is.All.EndsWith(marker), "a call's hops are its own");
            Assert.That(hops.Select(h => h.GetTagItem("http.request.resend_count")), Is.EqualTo(new object?[] { null, 1 }));
            Assert.That(ReceivedOn(marker).Select(r => r.TraceParent), Is.EqualTo(hops.Select(TraceParentOf)));
        }
    }

    [Test]
    public async Task ARetryIsASecondClientHopWithItsResendCount([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session { Retry = Fast };
        string url = _server.Url($"/flaky/{async}");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        var call = capture.SingleCall;
        Assert.That(call.Status, Is.EqualTo(ActivityStatusCode.Unset), "the call succeeded");
        var hops = capture.ClientSpans;
        Assert.That(hops, Has.Count.EqualTo(2));
        Assert.That(hops[0].GetTagItem("http.response.status_code"), Is.EqualTo(503));
        Assert.That(hops[0].GetTagItem("error.type"), Is.EqualTo("503"));
        Assert.That(hops[0].Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(hops[1].GetTagItem("http.request.resend_count"), Is.EqualTo(1));
        Assert.That(hops[1].GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(ReceivedOn($"/flaky/{async}").Select(r => r.TraceParent), Is.EqualTo(hops.Select(TraceParentOf)));
    }

    [Test]
    public async Task ARefusedConnectionEndsBothSpansInErrorWithTheExceptionType([Values] bool async)
    {
        int port = FreePortNobodyListensOn();
        using var capture = new TelemetryCapture(port);
        using var session = new Session();
        string url = $"http://127.0.0.1:{port}/refused";

        await Send.Throws<ConnectionException>(async, () => session.Get(url), () => session.GetAsync(url));

        var call = capture.SingleCall;
        Assert.That(call.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(call.GetTagItem("error.type"), Is.EqualTo("FluentRequests.ConnectionException"));
        Assert.That(call.GetTagItem("http.response.status_code"), Is.Null);
        Assert.That(call.StatusDescription, Is.Null, "an exception's message may name a secret URL: it is not copied");
        var hop = capture.ClientSpans.Single();
        Assert.That(hop.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(hop.GetTagItem("error.type"), Is.EqualTo("FluentRequests.ConnectionException"));
        Assert.That(hop.GetTagItem("server.port"), Is.EqualTo(port));
    }

    [Test]
    public async Task AnErrorStatusMarksTheCallSpanWithTheStatusAsErrorType([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session();
        string url = _server.Url($"/status/404/{async}");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(404));
        var call = capture.SingleCall;
        Assert.That(call.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(call.GetTagItem("error.type"), Is.EqualTo("404"));
        Assert.That(call.GetTagItem("http.response.status_code"), Is.EqualTo(404));
    }

    [Test]
    public async Task NoCredentialCookieOrQueryValueAppearsInAnySpan([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session();
        session.Cookies.Set("sid", "cookie-secret-1");
        string url = $"http://alice:password-secret-2@127.0.0.1:{_port}/redirect/1/{async}?token=query-secret-3&x=query-secret-4";

        var response = await Send.Either(async,
            () => session.Get(url, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer header-secret-5" }),
            () => session.GetAsync(url, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer header-secret-5" }));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        var spans = capture.Spans;
        Assert.That(spans, Has.Count.EqualTo(3), "the call and two hops");
        foreach (var span in spans)
        {
            string everything = string.Join("\n", new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
                .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
                .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));
            Assert.That(everything, Does.Not.Contain("secret").And.Not.Contain("alice"), span.OperationName);
        }
        Assert.That(capture.SingleCall.GetTagItem("url.full"), Is.EqualTo($"http://127.0.0.1:{_port}/redirect/1/{async}?*"), ".NET's redaction format");
    }

    [Test]
    public async Task ShowQueryValuesInTelemetryKeepsTheQueryButNeverTheUserinfo([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port);
        using var session = new Session { ShowQueryValuesInTelemetry = true };
        string url = $"http://alice:pw@127.0.0.1:{_port}/ok/shown-{async}?q=a%20b&page=2";

        await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        string expected = $"http://127.0.0.1:{_port}/ok/shown-{async}?q=a%20b&page=2";
        Assert.That(capture.SingleCall.GetTagItem("url.full"), Is.EqualTo(expected));
        Assert.That(capture.ClientSpans.Single().GetTagItem("url.full"), Is.EqualTo(expected));
    }

    [Test]
    public async Task PropagateTraceContextOffSendsNoTraceContextButStillRecordsSpans([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port, traceState: "vendor=abc");
        using var session = new Session { PropagateTraceContext = false };
        string url = _server.Url($"/redirect/1/off-{async}");

        await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(capture.ClientSpans, Has.Count.EqualTo(2));
        var received = ReceivedOn($"off-{async}");
        Assert.That(received, Has.Count.EqualTo(2));
        Assert.That(received.Select(r => r.TraceParent), Is.All.Null);
        Assert.That(received.Select(r => r.TraceState), Is.All.Null);
    }

    [Test]
    public async Task WithoutAListenerTheCallersTraceStillReachesTheServerUnlessSwitchedOff([Values] bool async, [Values] bool propagate)
    {
        using var capture = new TelemetryCapture(_port, listenToFluentRequests: false);
        using var session = new Session { PropagateTraceContext = propagate };
        string url = _server.Url($"/ok/ambient-{async}-{propagate}");

        await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(capture.Spans, Is.Empty);
        string? traceParent = ReceivedOn($"ambient-{async}-{propagate}").Single().TraceParent;
        if (propagate) Assert.That(traceParent, Does.StartWith($"00-{capture.Root.TraceId.ToHexString()}-"), "as HttpClient does");
        else Assert.That(traceParent, Is.Null);
    }

    [Test]
    public async Task WithSystemNetHttpListenedToItsSpanIsTheOnlyClientSpanOfEachHop([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port, listenToSystemNetHttp: true);
        using var session = new Session { Retry = Fast };
        string url = _server.Url($"/flaky/both-{async}");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        var call = capture.SingleCall;
        var hops = capture.ClientSpans;
        Assert.That(hops, Has.Count.EqualTo(2), "one Client span per request on the wire, not two");
        Assert.That(hops.Select(h => h.Source.Name), Is.All.EqualTo("System.Net.Http"));
        Assert.That(hops.Select(h => h.ParentSpanId), Is.All.EqualTo(call.SpanId));
        Assert.That(hops[1].GetTagItem("http.request.resend_count"), Is.EqualTo(1), "the retry is marked on the handler's span");
        Assert.That(ReceivedOn($"both-{async}").Select(r => r.TraceParent), Is.EqualTo(hops.Select(TraceParentOf)));
    }

    [Test]
    public async Task WithSystemNetHttpListenedToAndPropagationOffNothingIsSent([Values] bool async)
    {
        using var capture = new TelemetryCapture(_port, listenToSystemNetHttp: true);
        using var session = new Session { PropagateTraceContext = false };
        string url = _server.Url($"/ok/both-off-{async}");

        await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(capture.ClientSpans.Single().Source.Name, Is.EqualTo("System.Net.Http"));
        Assert.That(ReceivedOn($"both-off-{async}").Single().TraceParent, Is.Null);
    }

    private static int FreePortNobodyListensOn()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
