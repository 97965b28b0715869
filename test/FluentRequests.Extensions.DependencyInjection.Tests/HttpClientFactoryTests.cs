using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using WireMock.Server;

namespace FluentRequests.Extensions.DependencyInjection.Tests;

public sealed class HttpClientFactoryTests
{
    private WireMockServer _server = null!;

    /// <summary>Records every physical request that passes through the pipeline, and marks it.</summary>
    private sealed class RecordingHandler(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath}");
            request.Headers.TryAddWithoutValidation("X-Pipeline", "yes");
            return base.SendAsync(request, cancellationToken);
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} (sync)");
            request.Headers.TryAddWithoutValidation("X-Pipeline", "yes");
            return base.Send(request, cancellationToken);
        }
    }

    [SetUp]
    public void Start() => _server = WireMockServer.Start();

    [TearDown]
    public void Stop() => _server.Stop();

    private ServiceProvider Build(ConcurrentQueue<string> seen, Action<Session>? configure = null, IDictionary<string, string?>? configuration = null)
        => Container.Build(fr => fr.AddSession("api", (_, s) => { s.BaseUrl = _server.Url + "/"; configure?.Invoke(s); })
            .UseHttpClientFactory()
            .AddHttpMessageHandler(() => new RecordingHandler(seen)), configuration);

    [Test]
    public async Task Handlers_run_on_every_redirect_hop()
    {
        _server.Given(WmRequest.Create().WithPath("/a")).RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/b"));
        _server.Given(WmRequest.Create().WithPath("/b")).RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/c"));
        _server.Given(WmRequest.Create().WithPath("/c").WithHeader("X-Pipeline", "yes")).RespondWith(WmResponse.Create().WithBody("end"));
        var seen = new ConcurrentQueue<string>();
        using var services = Build(seen);
        var response = await services.Session("api").GetAsync("a");
        Assert.That(response.Text, Is.EqualTo("end"));
        Assert.That(response.History, Has.Count.EqualTo(2), "the session followed the redirects, not the handler");
        Assert.That(seen, Is.EqualTo(new[] { "GET /a", "GET /b", "GET /c" }));
    }

    [Test]
    public void Handlers_run_on_every_retry_sync_too()
    {
        _server.Given(WmRequest.Create().WithPath("/flaky")).InScenario("flaky").WillSetStateTo("second")
            .RespondWith(WmResponse.Create().WithStatusCode(503));
        _server.Given(WmRequest.Create().WithPath("/flaky")).InScenario("flaky").WhenStateIs("second").WillSetStateTo("third")
            .RespondWith(WmResponse.Create().WithStatusCode(503));
        _server.Given(WmRequest.Create().WithPath("/flaky")).InScenario("flaky").WhenStateIs("third")
            .RespondWith(WmResponse.Create().WithBody("ok"));
        var seen = new ConcurrentQueue<string>();
        using var services = Build(seen, s => s.Retry = RetryPolicy.Times(3) with { BackoffBase = TimeSpan.Zero, Jitter = false });
        var response = services.Session("api").Get("flaky");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(seen, Is.EqualTo(Enumerable.Repeat("GET /flaky (sync)", 3)));
    }

    [Test]
    public void The_primary_handler_follows_no_redirect_keeps_no_cookie_and_decodes_nothing()
    {
        using var services = Build(new ConcurrentQueue<string>());
        var options = services.GetRequiredService<IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>().Get("api");
        var builder = new TestHandlerBuilder(services);
        foreach (var action in options.HttpMessageHandlerBuilderActions) action(builder);
        var primary = (SocketsHttpHandler)builder.PrimaryHandler;
        Assert.Multiple(() =>
        {
            Assert.That(primary.AllowAutoRedirect, Is.False);
            Assert.That(primary.UseCookies, Is.False);
            Assert.That(primary.AutomaticDecompression, Is.EqualTo(DecompressionMethods.None));
        });
    }

    private sealed class TestHandlerBuilder(IServiceProvider services) : Microsoft.Extensions.Http.HttpMessageHandlerBuilder
    {
        public override string? Name { get; set; } = "api";
        public override HttpMessageHandler PrimaryHandler { get; set; } = new HttpClientHandler();
        public override IList<DelegatingHandler> AdditionalHandlers { get; } = [];
        public override IServiceProvider Services => services;
        public override HttpMessageHandler Build() => PrimaryHandler;
    }

    [Test]
    public async Task The_standard_resilience_handler_retries_a_503_inside_one_session_call()
    {
        _server.Given(WmRequest.Create().WithPath("/once")).InScenario("once").WillSetStateTo("ok")
            .RespondWith(WmResponse.Create().WithStatusCode(503));
        _server.Given(WmRequest.Create().WithPath("/once")).InScenario("once").WhenStateIs("ok")
            .RespondWith(WmResponse.Create().WithBody("ok"));
        using var services = Container.Build(fr => fr.AddSession("api", (_, s) => s.BaseUrl = _server.Url + "/")
            .UseHttpClientFactory()
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1)));
        var response = await services.Session("api").GetAsync("once");
        Assert.That(response.Text, Is.EqualTo("ok"));
        Assert.That(_server.LogEntries.Count(), Is.EqualTo(2));
    }

    [TestCase("Verify", "false")]
    [TestCase("Proxies:https", "http://proxy.internal:3128")]
    [TestCase("Cert", "/etc/passwd")]
    [TestCase("MaxResponseHeadersBytes", "32768")]
    public async Task Transport_keys_fail_at_startup_when_the_session_uses_the_factory(string key, string value)
    {
        var configuration = new Dictionary<string, string?> { ["FluentRequests:Sessions:api:" + key] = value };
        using var services = Build(new ConcurrentQueue<string>(), configuration: configuration);
        var e = await Assert.CatchAsync<Exception>(() => Container.ValidateOnStartAsync(services));
        Assert.That(e!.ToString(), Does.Contain($"FluentRequests:Sessions:api:{key}: cannot apply").And.Contain("UseHttpClientFactory"));
    }
}
