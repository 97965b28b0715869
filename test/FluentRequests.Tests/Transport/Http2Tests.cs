using System.Diagnostics;
using System.Net;
using System.Net.Quic;
using Microsoft.AspNetCore.Http;
using HttpProtocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols;

namespace FluentRequests.Tests.Transport;

/// <summary>
/// HTTP/2 and HTTP/3: ALPN over TLS, h2c with prior knowledge, one multiplexed connection for many concurrent requests,
/// the sync rule (OrLower falls back to HTTP/1.1, Exact/OrHigher fail at once naming the async method), a redirect from
/// an HTTP/2 origin to an HTTP/1.1 one, cancellation, per-call versions, and sessions on different versions side by side.
/// </summary>
public class Http2Tests
{
    private readonly BehaviourApp _app = new();
    private KestrelServer _tls = null!;
    private KestrelServer _h2c = null!;
    private KestrelServer _http1 = null!;
    private string _caBundle = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _tls = await KestrelServer.StartAsync(_app.HandleAsync, ServerProtocol.Http2Tls);
        _h2c = await KestrelServer.StartAsync(_app.HandleAsync, ServerProtocol.H2c);
        _http1 = await KestrelServer.StartAsync(_app.HandleAsync, ServerProtocol.Http1);
        _caBundle = TestCertificates.WriteCaBundle();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _tls.DisposeAsync();
        await _h2c.DisposeAsync();
        await _http1.DisposeAsync();
        File.Delete(_caBundle);
    }

    private Session Tls(HttpVersionPolicy policy = HttpVersionPolicy.RequestVersionOrLower)
        => new() { Verify = _caBundle, HttpVersion = HttpVersion.Version20, HttpVersionPolicy = policy };

    private static Session H2c() => new() { HttpVersion = HttpVersion.Version20, HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    [Test]
    public async Task TheDefaultIsHttp11EvenWhereTheServerOffersHttp2()
    {
        using var session = new Session { Verify = _caBundle };

        Assert.That(session.HttpVersion, Is.EqualTo(HttpVersion.Version11));
        Assert.That(session.HttpVersionPolicy, Is.EqualTo(HttpVersionPolicy.RequestVersionOrLower));
        Assert.That((await session.GetAsync(_tls.Url("/proto"))).Text, Is.EqualTo("HTTP/1.1"));
    }

    [Test]
    public async Task Http2OverTlsIsAgreedByAlpn()
    {
        using var session = Tls();

        Assert.That((await session.GetAsync(_tls.Url("/proto"))).Text, Is.EqualTo("HTTP/2"));
    }

    [Test]
    public async Task H2cNeedsRequestVersionExact()
    {
        using var exact = H2c();
        using var orLower = new Session { HttpVersion = HttpVersion.Version20 };

        Assert.That((await exact.GetAsync(_h2c.Url("/proto"))).Text, Is.EqualTo("HTTP/2"));
        Assert.That((await orLower.GetAsync(_http1.Url("/proto"))).Text, Is.EqualTo("HTTP/1.1"), "OrLower in the clear stays on HTTP/1.1");
    }

    [Test]
    public async Task HundredConcurrentRequestsShareOneConnection([Values] bool tls)
    {
        var server = await KestrelServer.StartAsync(_app.HandleAsync, tls ? ServerProtocol.Http2Tls : ServerProtocol.H2c);
        await using (server)
        {
            using var session = tls ? Tls() : H2c();
            // One request first, so the 100 find the connection open, then all 100 at once (each held 200 ms by the server).
            await session.GetAsync(server.Url("/proto"));

            var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => session.GetAsync(server.Url("/slow"))));

            Assert.That(responses.Select(r => r.Text), Is.All.EqualTo("HTTP/2"));
            Assert.That(server.Connections, Is.EqualTo(1), "multiplexed on one connection");
        }
    }

    [Test]
    public async Task PastTheServersStreamLimitAnotherConnectionOpens()
    {
        var server = await KestrelServer.StartAsync(_app.HandleAsync, ServerProtocol.H2c, options => options.Limits.Http2.MaxStreamsPerConnection = 5);
        await using (server)
        {
            using var session = H2c();
            await session.GetAsync(server.Url("/proto"));

            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.GetAsync(server.Url("/slow"))));

            Assert.That(responses.Select(r => r.Text), Is.All.EqualTo("HTTP/2"));
            Assert.That(server.Connections, Is.GreaterThan(1), "20 requests over a 5-stream limit did not all queue on one connection");
        }
    }

    [Test]
    public async Task ExactHttp2AgainstATlsServerWithoutItIsAnSslException()
    {
        var server = await KestrelServer.StartAsync(_app.HandleAsync,
            options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server),
            https: true, protocols: HttpProtocols.Http1);
        await using (server)
        {
            using var exact = Tls(HttpVersionPolicy.RequestVersionExact);
            using var orLower = Tls();

            // ALPN finds no protocol in common, so the handshake fails.
            var e = (await Assert.ThrowsAsync<SslException>(() => exact.GetAsync(server.Url("/proto"))))!;
            Assert.That(e.Message, Does.Contain(server.Url("/proto")));
            Assert.That((await orLower.GetAsync(server.Url("/proto"))).Text, Is.EqualTo("HTTP/1.1"));
        }
    }

    [Test]
    public async Task OverHttp11TheSameLoadOpensManyConnections()
    {
        // The contrast that shows the count above can fail: HTTP/1.1 carries one request at a time per connection.
        var server = await KestrelServer.StartAsync(_app.HandleAsync, ServerProtocol.Http1);
        await using (server)
        {
            using var session = new Session();

            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.GetAsync(server.Url("/slow"))));

            Assert.That(server.Connections, Is.GreaterThan(1));
        }
    }

    [Test]
    public async Task ASyncCallUnderOrLowerUsesHttp11()
    {
        using var session = Tls();

        Assert.That(session.Get(_tls.Url("/proto")).Text, Is.EqualTo("HTTP/1.1"));
        Assert.That((await session.GetAsync(_tls.Url("/proto"))).Text, Is.EqualTo("HTTP/2"));
    }

    [Test]
    public void ASyncCallThatRequiresHttp2FailsAtOnceNamingTheAsyncMethod(
        [Values(HttpVersionPolicy.RequestVersionExact, HttpVersionPolicy.RequestVersionOrHigher)] HttpVersionPolicy policy)
    {
        var server = KestrelServer.StartAsync(_app.HandleAsync, ServerProtocol.H2c).GetAwaiter().GetResult();
        try
        {
            using var session = new Session { HttpVersion = HttpVersion.Version20, HttpVersionPolicy = policy };
            var watch = Stopwatch.StartNew();

            var e = Assert.Throws<NotSupportedException>(() => session.Get(server.Url("/proto")))!;
            var delete = Assert.Throws<NotSupportedException>(() => session.Url(server.Url("/proto")).Delete())!;

            Assert.That(e.Message, Does.Contain("HTTP/2.0 is required").And.Contain(policy.ToString()).And.Contain("GetAsync"));
            Assert.That(delete.Message, Does.Contain("DeleteAsync"));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(server.Connections, Is.EqualTo(0), "nothing was sent");
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Test]
    public void OverACallersHandlerTheHandlersRefusalOfSyncHttp2IsMappedTheSameWay()
    {
        using var session = new Session(new CountingHandler(new SocketsHttpHandler { UseProxy = false }), disposeHandler: true)
        {
            HttpVersion = HttpVersion.Version20,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var e = Assert.Throws<NotSupportedException>(() => session.Get(_h2c.Url("/proto")))!;

        Assert.That(e.Message, Does.Contain("cannot send synchronously").And.Contain("GetAsync"));
    }

    [Test]
    public async Task ARedirectFromAnHttp2OriginToAnHttp11OneIsFollowed()
    {
        using var session = Tls();
        string target = _http1.Url("/proto");

        var response = await session.GetAsync(_tls.Url("/redirect?to=" + Uri.EscapeDataString(target)));

        Assert.That(response.Url, Is.EqualTo(target));
        Assert.That(response.Text, Is.EqualTo("HTTP/1.1"));
        Assert.That(response.History.Single().StatusCode, Is.EqualTo(302));
    }

    [Test]
    public async Task CancellingAnHttp2CallCancelsIt()
    {
        using var session = H2c();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Assert.CatchAsync<OperationCanceledException>(
            () => session.GetAsync(_h2c.Url("/stall-headers"), timeout: 30, cancellationToken: cts.Token));

        Assert.That(e, Is.Not.InstanceOf<RequestException>());
    }

    [Test]
    public async Task AStreamedHttp2BodyReadSynchronouslyStillTimesOut()
    {
        // The response came asynchronously over HTTP/2; reading it synchronously has no socket of ours under it.
        using var session = H2c();
        using var response = await session.GetAsync(_h2c.Url("/stall-body"), timeout: 0.5, stream: true);
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<ReadTimeoutException>(() => _ = response.Content)!;

        Assert.That(e.Message, Does.Contain("read timeout=0.5s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task ACallsHttpVersionBeatsTheSessions()
    {
        using var session = new Session { Verify = _caBundle };

        var fromCall = await session.GetAsync(_tls.Url("/proto"), httpVersion: HttpVersion.Version20);
        var fromBuilder = await session.Url(_tls.Url("/proto")).WithHttpVersion(HttpVersion.Version20).GetAsync();
        var fromSession = await session.GetAsync(_tls.Url("/proto"));

        Assert.That(fromCall.Text, Is.EqualTo("HTTP/2"));
        Assert.That(fromBuilder.Text, Is.EqualTo("HTTP/2"));
        Assert.That(fromSession.Text, Is.EqualTo("HTTP/1.1"));
    }

    [Test]
    public async Task SessionsOnDifferentVersionsKeepToThemConcurrently()
    {
        using var http11 = new Session { Verify = _caBundle };
        using var http2 = Tls();
        string url = _tls.Url("/slow");

        var ones = Enumerable.Range(0, 20).Select(_ => http11.GetAsync(url)).ToList();
        var twos = Enumerable.Range(0, 20).Select(_ => http2.GetAsync(url)).ToList();
        await Task.WhenAll(ones.Concat(twos));

        Assert.That(ones.Select(t => t.Result.Text), Is.All.EqualTo("HTTP/1.1"));
        Assert.That(twos.Select(t => t.Result.Text), Is.All.EqualTo("HTTP/2"));
    }

    [Test]
    public async Task TheConnectTimeoutHoldsOnHttp2([Values] bool tls)
    {
        using var backlog = new FullBacklogListener();
        using var session = tls ? Tls() : H2c();
        string url = $"{(tls ? "https" : "http")}://127.0.0.1:{backlog.Port}/";
        var watch = Stopwatch.StartNew();

        var e = (await Assert.ThrowsAsync<ConnectTimeoutException>(() => session.GetAsync(url, timeout: (0.3, 30.0))))!;

        Assert.That(e.Message, Does.Contain("connect timeout=0.3s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Http2RequestsGetAHandlerOfTheirOwnAndHttp11KeepsTheDefault()
    {
        using var http11 = new Session();
        using var http2 = new Session { HttpVersion = HttpVersion.Version20 };
        var request = http11.Prepare(new Request("GET", "http://127.0.0.1:9/"));

        var key11 = http11.MergeOptions(new RequestArgs(), allowRedirectsDefault: true, request.Uri).TransportFor(request);
        var key2 = http2.MergeOptions(new RequestArgs(), allowRedirectsDefault: true, request.Uri).TransportFor(request);
        var perCall = http11.MergeOptions(new RequestArgs { HttpVersion = HttpVersion.Version20 }, allowRedirectsDefault: true, request.Uri)
            .TransportFor(request);

        Assert.That(key11, Is.EqualTo(TransportKey.Default));
        Assert.That(key2.Http2, Is.True);
        Assert.That(perCall, Is.EqualTo(key2));
        Assert.That(TransportPool.Get(key2), Is.Not.SameAs(TransportPool.Get(key11)));
    }

    [Test]
    public void AnUnknownVersionOrPolicyIsRejected()
    {
        using var session = new Session();

        Assert.That(() => session.HttpVersion = new Version(1, 2), Throws.ArgumentException.With.Message.Contains("1.0, 1.1, 2.0 or 3.0"));
        Assert.That(() => session.HttpVersion = null!, Throws.ArgumentNullException);
        Assert.That(() => session.HttpVersionPolicy = (HttpVersionPolicy)7, Throws.ArgumentException.With.Message.Contains("HttpVersionPolicy"));
        Assert.That(() => session.Url("http://127.0.0.1:9/").WithHttpVersion(new Version(4, 0)), Throws.ArgumentException);
        var e = Assert.Throws<ArgumentException>(() => session.Get("http://127.0.0.1:9/", httpVersion: new Version(0, 9)))!;
        Assert.That(e.ParamName, Is.EqualTo("httpVersion"));
    }

    [Test]
    public async Task Http3WhereThePlatformHasQuic()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()) || !QuicConnection.IsSupported)
        {
            Assert.Ignore("HTTP/3 needs QUIC, which this platform lacks (QuicConnection.IsSupported is false: on Linux, libmsquic is not installed).");
            return;
        }
        var server = await KestrelServer.StartAsync(_app.HandleAsync, options =>
            options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server),
            https: true, protocols: HttpProtocols.Http1AndHttp2AndHttp3);
        await using (server)
        {
            using var session = new Session
            {
                Verify = _caBundle, HttpVersion = HttpVersion.Version30, HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };

            Assert.That((await session.GetAsync(server.Url("/proto"))).Text, Is.EqualTo("HTTP/3"));
        }
    }
}
