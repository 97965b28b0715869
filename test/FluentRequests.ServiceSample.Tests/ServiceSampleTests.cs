using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WireMock.Server;

[assembly: Parallelizable(ParallelScope.Fixtures)]

namespace FluentRequests.ServiceSample.Tests;

/// <summary>The sample service under WebApplicationFactory, its downstream a WireMock server, its telemetry in memory.</summary>
public sealed class ServiceSampleTests
{
    private const string Token = "Bearer SECRET-DOWNSTREAM-TOKEN";

    private WireMockServer _downstream = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];

    [SetUp]
    public void Start()
    {
        _downstream = WireMockServer.Start();
        _spans.Clear();
        _metrics.Clear();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Sample:CallOnStart", "false");
            web.UseSetting("Sample:ConsoleExporter", "false");
            web.UseSetting("FluentRequests:Sessions:downstream:BaseUrl", _downstream.Url + "/api/");
            web.UseSetting("FluentRequests:Sessions:downstream:Headers:Authorization", Token);
            web.UseSetting("FluentRequests:Sessions:downstream:Timeout:Total", "5");
            web.UseSetting("FluentRequests:Sessions:downstream:Timeout:Read", "30");
            web.ConfigureServices(services =>
            {
                services.AddFakeLogging();
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            });
        });
    }

    [TearDown]
    public void Stop()
    {
        _factory.Dispose();
        _downstream.Stop();
    }

    private void Forecast(WireMock.ResponseBuilders.IResponseBuilder response)
        => _downstream.Given(WmRequest.Create().WithPath("/api/forecast").UsingGet()).RespondWith(response);

    [Test]
    public async Task The_endpoint_answers_with_the_downstream_forecast_traced_measured_and_logged_without_secrets()
    {
        Forecast(WmResponse.Create().WithHeader("Content-Type", "application/json").WithBody("""{"summary":"Rain","temperatureC":12}"""));
        using var client = _factory.CreateClient();

        var answer = await client.GetFromJsonAsync<JsonElement>("/forecast");

        Assert.That(answer.GetProperty("source").GetString(), Is.EqualTo("downstream"));
        Assert.That(answer.GetProperty("forecast").GetProperty("summary").GetString(), Is.EqualTo("Rain"));
        Assert.That(_downstream.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single(), Is.EqualTo(Token));

        _factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        // WireMock is ASP.NET Core too: its server span (under our hop) is the other Server span.
        var server = _spans.Single(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("url.path") == "/forecast");
        var call = _spans.Single(s => s.OperationName == "FluentRequests.Call");
        var hops = _spans.Where(s => s.Kind == ActivityKind.Client).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(call.ParentSpanId, Is.EqualTo(server.SpanId), "the call span is under the server span");
            Assert.That(call.TraceId, Is.EqualTo(server.TraceId));
            Assert.That(hops, Has.Count.EqualTo(1));
            Assert.That(hops.Single().ParentSpanId, Is.EqualTo(call.SpanId), "the hop is under the call span");
            var downstream = _spans.Single(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("url.path") == "/api/forecast");
            Assert.That(downstream.ParentSpanId, Is.EqualTo(hops.Single().SpanId), "the downstream saw the hop's trace context");
        });

        _factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var duration = _metrics.Single(m => m.MeterName == "FluentRequests" && m.Name == "http.client.request.duration");
        long count = 0;
        foreach (ref readonly var point in duration.GetMetricPoints()) count += point.GetHistogramCount();
        Assert.That(count, Is.EqualTo(1));

        var logs = _factory.Services.GetFakeLogCollector().GetSnapshot();
        var line = logs.Single(r => r.Category == "FluentRequests.Session.downstream" && r.Level == LogLevel.Information);
        Assert.That(line.Message, Does.Match(@"^GET http://localhost:\d+/api/forecast returned 200 in [0-9.]+ ms \(0 redirects, 0 retries\)$"));
        Assert.That(logs.Select(r => r.Message + string.Join(" ", r.StructuredState ?? [])), Has.None.Contains("SECRET-DOWNSTREAM-TOKEN"));
    }

    [Test]
    public async Task A_downstream_503_then_200_is_retried_as_configured()
    {
        _downstream.Given(WmRequest.Create().WithPath("/api/forecast")).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(WmResponse.Create().WithStatusCode(503));
        _downstream.Given(WmRequest.Create().WithPath("/api/forecast")).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(WmResponse.Create().WithHeader("Content-Type", "application/json").WithBody("""{"summary":"Fog","temperatureC":8}"""));
        using var client = _factory.CreateClient();

        var answer = await client.GetFromJsonAsync<JsonElement>("/forecast");

        Assert.That(answer.GetProperty("forecast").GetProperty("summary").GetString(), Is.EqualTo("Fog"));
        Assert.That(_downstream.LogEntries.Count(), Is.EqualTo(2));
        var line = _factory.Services.GetFakeLogCollector().GetSnapshot()
            .Single(r => r.Category == "FluentRequests.Session.downstream" && r.Level == LogLevel.Information);
        Assert.That(line.Message, Does.EndWith("(0 redirects, 1 retries)"));
    }

    [Test]
    public async Task A_downstream_that_stalls_is_cut_by_the_total_deadline_and_the_endpoint_answers_504()
    {
        // A downstream that accepts the connection and never answers (a WireMock delay would hold its shutdown).
        using var stalled = new TcpListener(IPAddress.Loopback, 0);
        stalled.Start();
        var accepted = stalled.AcceptSocketAsync();
        int port = ((IPEndPoint)stalled.LocalEndpoint).Port;
        using var factory = _factory.WithWebHostBuilder(
            web => web.UseSetting("FluentRequests:Sessions:downstream:BaseUrl", $"http://127.0.0.1:{port}/api/"));
        using var client = factory.CreateClient();
        var started = Stopwatch.StartNew();

        var answer = await client.GetAsync("/forecast");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "cut by the 5 s deadline, not the 30 s read timeout");
        Assert.That(started.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(4.9)), "not before the deadline");
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The downstream service did not answer within the deadline."));
        var warning = factory.Services.GetFakeLogCollector().GetSnapshot().Single(r => r.Level == LogLevel.Warning);
        Assert.That(warning.Message, Does.Contain("RequestTimeoutException"));
        (await accepted).Dispose();
    }

    [Test]
    public void A_bad_setting_stops_the_service_at_startup_naming_the_key()
    {
        using var factory = _factory.WithWebHostBuilder(web => web.UseSetting("FluentRequests:Sessions:downstream:Timeout:Read", "-3"));
        var e = Assert.Catch(() => factory.CreateClient());
        Assert.That(e!.ToString(), Does.Contain("FluentRequests:Sessions:downstream:Timeout:Read: \"-3\" is not a positive number of seconds"));
    }
}
