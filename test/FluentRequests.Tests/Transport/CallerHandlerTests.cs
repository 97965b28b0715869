using System.Net;
using Microsoft.AspNetCore.Http;
using Polly.Timeout;

namespace FluentRequests.Tests.Transport;

/// <summary>
/// A session built over a caller's handler: every request goes through it; the transport settings it cannot honour fail
/// at once and by name; the environment's do not apply; a handler without Send fails a sync call at once; its errors map
/// into the tree; disposing follows disposeHandler.
/// </summary>
public class CallerHandlerTests : WireMockTest
{
    private static SocketsHttpHandler Sockets() => new() { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };

    private void Ok() => Server.Given(WmRequest.Create().WithPath("/ok").UsingGet()).RespondWith(WmResponse.Create().WithBody("fine"));

    [Test]
    public async Task EveryRedirectHopGoesThroughTheHandler([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/start").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/next"));
        Server.Given(WmRequest.Create().WithPath("/next").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(301).WithHeader("Location", "/done"));
        Server.Given(WmRequest.Create().WithPath("/done").UsingGet()).RespondWith(WmResponse.Create().WithBody("final"));
        using var counting = new CountingHandler(Sockets());
        using var session = new Session(counting);

        var response = await Send.Either(async, () => session.Get(Url("/start")), () => session.GetAsync(Url("/start")));

        Assert.That(response.Text, Is.EqualTo("final"));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 302, 301 }));
        string mode = async ? "ASYNC" : "SYNC";
        Assert.That(counting.Hops, Is.EqualTo(new[] { $"{mode} GET {Url("/start")}", $"{mode} GET {Url("/next")}", $"{mode} GET {Url("/done")}" }));
    }

    [Test]
    public void DisposingTheSessionLeavesTheHandlerAloneUnlessTold([Values] bool disposeHandler)
    {
        var counting = new CountingHandler(Sockets());
        var session = new Session(counting, disposeHandler);

        session.Dispose();

        Assert.That(counting.IsDisposed, Is.EqualTo(disposeHandler));
        Assert.Throws<ObjectDisposedException>(() => session.Get(Url("/ok")));
        counting.Dispose();
    }

    [Test]
    public async Task AHandlerLeftUndisposedServesTheNextSession()
    {
        Ok();
        using var counting = new CountingHandler(Sockets());
        using (var first = new Session(counting)) await first.GetAsync(Url("/ok"));

        using var second = new Session(counting);
        var response = await second.GetAsync(Url("/ok"));

        Assert.That(response.Text, Is.EqualTo("fine"));
        Assert.That(counting.Hops, Has.Count.EqualTo(2));
    }

    private static IEnumerable<TestCaseData> SessionTransportSettings()
    {
        yield return new TestCaseData((Action<Session>)(s => s.Verify = false), "Session.Verify").SetName("SessionVerifyFails");
        yield return new TestCaseData((Action<Session>)(s => s.Verify = true), "Session.Verify").SetName("SessionVerifyTrueFailsToo");
        yield return new TestCaseData((Action<Session>)(s => s.Cert = ClientCert.FromPem("client.pem")), "Session.Cert").SetName("SessionCertFails");
        yield return new TestCaseData((Action<Session>)(s => s.Proxies["http"] = "http://127.0.0.1:9"), "Session.Proxies").SetName("SessionProxiesFail");
        yield return new TestCaseData((Action<Session>)(s => s.MaxResponseHeadersBytes = 1024), "Session.MaxResponseHeadersBytes")
            .SetName("SessionMaxResponseHeadersBytesFails");
    }

    [TestCaseSource(nameof(SessionTransportSettings))]
    public async Task ATransportSettingOnTheSessionFailsAtOnceNamingIt(Action<Session> set, string setting)
    {
        Ok();
        using var session = new Session(new CountingHandler(Sockets()), disposeHandler: true);
        set(session);

        foreach (bool async in new[] { false, true })
        {
            var e = await Send.Throws<InvalidOperationException>(async, () => session.Get(Url("/ok")), () => session.GetAsync(Url("/ok")));
            Assert.That(e.Message, Does.Contain(setting).And.Contain("CountingHandler → SocketsHttpHandler").And.Contain("Configure it on the handler"));
        }
        Assert.That(Received, Is.Empty, "nothing was sent");
    }

    [Test]
    public async Task ATransportArgumentOnTheCallFailsAtOnceNamingIt([Values("verify", "cert", "proxies")] string argument, [Values] bool async)
    {
        Ok();
        using var session = new Session(Sockets(), disposeHandler: true);
        string url = Url("/ok");
        Verify? verify = argument == "verify" ? false : null;
        ClientCert? cert = argument == "cert" ? ClientCert.FromPem("client.pem") : null;
        var proxies = argument == "proxies" ? new Dictionary<string, string> { ["http"] = "http://127.0.0.1:9" } : null;

        var e = await Send.Throws<ArgumentException>(async,
            () => session.Get(url, verify: verify, cert: cert, proxies: proxies),
            () => session.GetAsync(url, verify: verify, cert: cert, proxies: proxies));

        Assert.That(e.ParamName, Is.EqualTo(argument));
        Assert.That(e.Message, Does.Contain("SocketsHttpHandler"));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task TheEnvironmentsProxiesAndCaBundleDoNotApply([Values] bool async)
    {
        Ok();
        using var session = new Session(Sockets(), disposeHandler: true)
        {
            EnvironmentSource = EnvironmentSource.From(new Dictionary<string, string>
            {
                ["http_proxy"] = "http://user:secret@127.0.0.1:9",
                ["REQUESTS_CA_BUNDLE"] = "/nonexistent/ca.pem",
            }),
        };

        var response = await Send.Either(async, () => session.Get(Url("/ok")), () => session.GetAsync(Url("/ok")));

        Assert.That(response.Text, Is.EqualTo("fine"), "sent directly, not through the environment's dead proxy");
        Assert.That(LastRequest.Headers!.Keys, Has.None.EqualTo("Proxy-Authorization").IgnoreCase, "the proxy's credentials stay home");
    }

    /// <summary>A handler that sends only asynchronously (it overrides SendAsync alone), over a real SocketsHttpHandler.</summary>
    private sealed class AsyncOnlyHandler : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

        public int Sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Sent);
            return _inner.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Test]
    public async Task ASyncCallOverAHandlerWithoutSendFailsAtOnceNamingTheAsyncMethod()
    {
        Ok();
        var handler = new AsyncOnlyHandler();
        using var session = new Session(new CountingHandler(handler), disposeHandler: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<NotSupportedException>(() => session.Get(Url("/ok"), timeout: 30))!;

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "failed at once, no wait on async code");
        Assert.That(e.Message, Does.Contain("CountingHandler → AsyncOnlyHandler").And.Contain("cannot send synchronously").And.Contain("GetAsync"));
        Assert.That(Received, Is.Empty);
        var post = Assert.Throws<NotSupportedException>(() => session.Post(Url("/ok"), data: "x"))!;
        Assert.That(post.Message, Does.Contain("PostAsync"));

        var response = await session.GetAsync(Url("/ok"));
        Assert.That(response.Text, Is.EqualTo("fine"), "the same session sends asynchronously");
        Assert.That(handler.Sent, Is.EqualTo(1));
    }

    [Test]
    public void ASyncCallIsNotRetriedWhenTheHandlerCannotSendSynchronously()
    {
        using var session = new Session(new AsyncOnlyHandler(), disposeHandler: true) { Retry = new RetryPolicy { MaxRetries = 3 } };

        Assert.Throws<NotSupportedException>(() => session.Get(Url("/ok")));

        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task TheHandlersConnectTimeoutIsAConnectTimeoutException([Values] bool async)
    {
        using var backlog = new FullBacklogListener();
        using var session = new Session(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromMilliseconds(300), UseProxy = false }, disposeHandler: true);
        string url = $"http://127.0.0.1:{backlog.Port}/";

        var e = await Send.Throws<ConnectTimeoutException>(async, () => session.Get(url, timeout: 30), () => session.GetAsync(url, timeout: 30));

        Assert.That(e.Message, Does.Contain($"127.0.0.1:{backlog.Port}").And.Contain("ConnectTimeout"));
        Assert.That(e.NotSent, Is.True);
    }

    [Test]
    public async Task TheSessionsReadTimeoutBoundsAConnectTheHandlerDoesNotBound([Values] bool async)
    {
        using var backlog = new FullBacklogListener();
        using var session = new Session(Sockets(), disposeHandler: true);
        string url = $"http://127.0.0.1:{backlog.Port}/";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = await Send.Throws<ReadTimeoutException>(async, () => session.Get(url, timeout: 0.5), () => session.GetAsync(url, timeout: 0.5));

        Assert.That(e.Message, Does.Contain(url));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task ATlsFailureInTheHandlerIsAnSslException([Values] bool async)
    {
        await using var tls = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("secret"), ServerProtocol.Http2Tls);
        using var session = new Session(Sockets(), disposeHandler: true);
        string url = tls.Url("/");

        var e = await Send.Throws<SslException>(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(e.Message, Does.Contain(new Uri(url).Authority));
    }

    /// <summary>A handler in a caller's pipeline that fails in its own way, before sending: what the mapping sees.</summary>
    private sealed class ThrowingHandler(Exception error) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => throw error;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => throw error;
    }

    [Test]
    public async Task APipelinesTimeoutIsAReadTimeoutException([Values] bool async)
    {
        using var session = new Session(new ThrowingHandler(new TimeoutRejectedException("The operation didn't complete within the allowed timeout")));

        var e = await Send.Throws<ReadTimeoutException>(async, () => session.Get(Url("/ok")), () => session.GetAsync(Url("/ok")));

        Assert.That(e.Message, Does.Contain("ThrowingHandler → SocketsHttpHandler").And.Contain(Url("/ok")));
        Assert.That(e.InnerException, Is.InstanceOf<TimeoutRejectedException>());
    }

    [Test]
    public async Task AnyOtherHandlerErrorIsAConnectionExceptionAroundIt([Values] bool async)
    {
        var error = new InvalidOperationException("the pipeline is misconfigured");
        using var session = new Session(new ThrowingHandler(error));

        var e = await Send.Throws<ConnectionException>(async, () => session.Get(Url("/ok")), () => session.GetAsync(Url("/ok")));

        Assert.That(e.Message, Does.Contain("ThrowingHandler").And.Contain("the pipeline is misconfigured"));
        Assert.That(e.InnerException, Is.SameAs(error));
    }

    /// <summary>A pipeline step whose response body breaks with an error of its own after the first bytes.</summary>
    private sealed class BreakingBodyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
            => Break(base.Send(request, cancellationToken));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Break(await base.SendAsync(request, cancellationToken));

        private static HttpResponseMessage Break(HttpResponseMessage response)
        {
            var headers = response.Content.Headers.ToList();
            response.Content = new StreamContent(new BreakingStream(response.Content.ReadAsStream()));
            foreach (var (name, values) in headers) response.Content.Headers.TryAddWithoutValidation(name, values);
            return response;
        }

        private sealed class BreakingStream(Stream inner) : Stream
        {
            private int _reads;
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override int Read(byte[] buffer, int offset, int count)
                => ++_reads > 1 ? throw new InvalidOperationException("the pipeline's decryptor failed") : inner.Read(buffer, offset, Math.Min(count, 10));

            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }

    [Test]
    public async Task AHandlersBodyStreamFailingInItsOwnWayIsAConnectionException([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/long").UsingGet()).RespondWith(WmResponse.Create().WithBody(new string('x', 1000)));
        using var session = new Session(new BreakingBodyHandler(Sockets()), disposeHandler: true);

        var e = await Send.Throws<ConnectionException>(async, () => session.Get(Url("/long")), () => session.GetAsync(Url("/long")));

        Assert.That(e.Message, Does.Contain(Url("/long")).And.Contain("after 10 bytes").And.Contain("decryptor failed"));
        Assert.That(e.InnerException, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public async Task AnHttpRequestExceptionFromTheHandlerMapsAsOursDo([Values] bool async)
    {
        var error = new HttpRequestException(HttpRequestError.NameResolutionError, "No such host is known.");
        using var session = new Session(new ThrowingHandler(error));

        var e = await Send.Throws<ConnectionException>(async, () => session.Get(Url("/ok")), () => session.GetAsync(Url("/ok")));

        Assert.That(e.Message, Does.Contain("Failed to resolve host '127.0.0.1'"));
        Assert.That(e.NotSent, Is.True);
    }
}
