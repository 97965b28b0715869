using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests.Tests.Transport;

/// <summary>What a session sends through.</summary>
public enum Via
{
    /// <summary>Our pooled transport (the default session).</summary>
    Pool,

    /// <summary>A caller's <see cref="SocketsHttpHandler"/>.</summary>
    Sockets,

    /// <summary>A caller's <see cref="DelegatingHandler"/> chain (<see cref="CountingHandler"/>) over a SocketsHttpHandler.</summary>
    Chain,
}

/// <summary>
/// The core's behaviour holds whatever carries the request: over a caller's handler (plain SocketsHttpHandler, or a
/// DelegatingHandler chain that records every hop) and over HTTP/2 (TLS by ALPN, and h2c), sync and async, against
/// Kestrel: redirects, retries, cookies, Digest, the read and total timeouts, decoding, limits, a body cut off
/// mid-way, and the exception mapping. Under RequestVersionOrLower a sync call falls back to HTTP/1.1, which the
/// protocol checks assert; h2c needs RequestVersionExact, so it runs async only.
/// </summary>
[TestFixture(Via.Pool, ServerProtocol.Http1, true)]
[TestFixture(Via.Pool, ServerProtocol.Http1, false)]
[TestFixture(Via.Pool, ServerProtocol.Http2Tls, true)]
[TestFixture(Via.Pool, ServerProtocol.Http2Tls, false)]
[TestFixture(Via.Pool, ServerProtocol.H2c, true)]
[TestFixture(Via.Sockets, ServerProtocol.Http1, true)]
[TestFixture(Via.Sockets, ServerProtocol.Http1, false)]
[TestFixture(Via.Sockets, ServerProtocol.H2c, true)]
[TestFixture(Via.Chain, ServerProtocol.Http1, true)]
[TestFixture(Via.Chain, ServerProtocol.Http1, false)]
[TestFixture(Via.Chain, ServerProtocol.Http2Tls, true)]
public class TransportBehaviourTests(Via via, ServerProtocol protocol, bool async)
{
    private readonly BehaviourApp _app = new();
    private KestrelServer _server = null!;
    private string _caBundle = "";
    private CountingHandler? _chain;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await KestrelServer.StartAsync(_app.HandleAsync, protocol);
        if (protocol == ServerProtocol.Http2Tls) _caBundle = TestCertificates.WriteCaBundle();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        if (_caBundle != "") File.Delete(_caBundle);
    }

    private string Url(string path) => _server.Url(path);

    /// <summary>The protocol a call should arrive over: HTTP/2 when asked for asynchronously, HTTP/1.1 for a sync call under OrLower.</summary>
    private string ExpectedProtocol => protocol == ServerProtocol.Http1 || !async ? "HTTP/1.1" : "HTTP/2";

    private Session NewSession()
    {
        Session session;
        switch (via)
        {
            case Via.Pool:
                session = new Session();
                if (protocol == ServerProtocol.Http2Tls) session.Verify = _caBundle;
                break;
            case Via.Sockets:
                session = new Session(Sockets(), disposeHandler: true);
                break;
            default:
                _chain = new CountingHandler(Sockets());
                session = new Session(_chain, disposeHandler: true);
                break;
        }
        if (protocol != ServerProtocol.Http1) session.HttpVersion = HttpVersion.Version20;
        if (protocol == ServerProtocol.H2c) session.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return session;
    }

    private static SocketsHttpHandler Sockets()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _)
            => certificate is X509Certificate2 c && TestCertificates.IssuedByCa(c);
        return handler;
    }

    private Task<Response> Get(Session session, string url, RequestTimeout? timeout = null, TimeSpan? totalTimeout = null, bool? stream = null)
        => Send.Either(async,
            () => session.Get(url, timeout: timeout, totalTimeout: totalTimeout, stream: stream),
            () => session.GetAsync(url, timeout: timeout, totalTimeout: totalTimeout, stream: stream));

    private Task<T> Throws<T>(Func<object?> sync, Func<Task> asynchronous) where T : Exception
        => Send.Throws<T>(async, sync, asynchronous);

    [Test]
    public async Task ArrivesOverTheProtocolAskedFor()
    {
        using var session = NewSession();

        var response = await Get(session, Url("/proto"));

        Assert.That(response.Text, Is.EqualTo(ExpectedProtocol));
        if (_chain is not null) Assert.That(_chain.Hops, Is.EqualTo(new[] { $"{(async ? "ASYNC" : "SYNC")} GET {Url("/proto")}" }));
    }

    [Test]
    public async Task RedirectsAreFollowedHopByHop()
    {
        using var session = NewSession();
        string start = Url("/redirect?to=" + Uri.EscapeDataString("/redirect?to=/proto"));

        var response = await Get(session, start);

        Assert.That(response.Text, Is.EqualTo(ExpectedProtocol));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 302, 302 }));
        if (_chain is not null) Assert.That(_chain.Urls, Is.EqualTo(new[] { start, Url("/redirect?to=/proto"), Url("/proto") }));
    }

    [Test]
    public async Task AFailedAttemptIsRetried()
    {
        using var session = NewSession();
        session.Retry = new RetryPolicy { MaxRetries = 2, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(20) };
        string path = $"/flaky/{Guid.NewGuid():N}";

        var response = await Get(session, Url(path));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("attempt 2"));
        Assert.That(_app.Hits(path), Is.EqualTo(2));
        if (_chain is not null) Assert.That(_chain.Urls, Is.EqualTo(new[] { Url(path), Url(path) }));
    }

    [Test]
    public async Task CookiesSetByTheServerAreSentBack()
    {
        using var session = NewSession();

        await Get(session, Url("/set-cookie"));
        var echoed = await Get(session, Url("/echo-cookie"));

        Assert.That(session.Cookies.Get("flavour"), Is.EqualTo("oat"));
        Assert.That(echoed.Text, Is.EqualTo("flavour=oat"));
    }

    [Test]
    public async Task DigestAuthAnswersTheChallenge()
    {
        using var session = NewSession();
        session.Auth = Auth.Digest(BehaviourApp.DigestUser, BehaviourApp.DigestPassword);

        var response = await Get(session, Url("/digest"));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("digest ok"));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 401 }));
    }

    [Test]
    public async Task ReadTimeoutWhileWaitingForHeaders()
    {
        using var session = NewSession();
        string url = Url("/stall-headers");
        var watch = Stopwatch.StartNew();

        var e = await Throws<ReadTimeoutException>(() => session.Get(url, timeout: 0.3), () => session.GetAsync(url, timeout: 0.3));

        Assert.That(e.Message, Does.Contain(url));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task ReadTimeoutMidBodyIsAnExceptionNeverAShortBody([Values] bool stream)
    {
        using var session = NewSession();
        string url = Url("/stall-body");
        var watch = Stopwatch.StartNew();

        var e = await Throws<ReadTimeoutException>(
            () => Read(session.Get(url, timeout: 0.5, stream: stream), stream),
            async () => Read(await session.GetAsync(url, timeout: 0.5, stream: stream), stream));

        Assert.That(e.Message, Does.Contain(url).And.Contain("read timeout=0.5s"));
        // Over a caller's handler a sync read is ended by disposing the response, which SocketsHttpHandler may hold
        // for its drain time (2 s) before the read wakes.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    private static byte[] Read(Response response, bool _)
    {
        // Streamed or not, Content is the whole body: read now from a streamed response, already read otherwise.
        using (response) return response.Content;
    }

    [Test]
    public async Task TotalTimeoutBoundsTheCall()
    {
        using var session = NewSession();
        string url = Url("/stall-headers");
        var watch = Stopwatch.StartNew();

        var e = await Throws<RequestTimeoutException>(
            () => session.Get(url, timeout: 30, totalTimeout: TimeSpan.FromMilliseconds(500)),
            () => session.GetAsync(url, timeout: 30, totalTimeout: TimeSpan.FromMilliseconds(500)));

        Assert.That(e, Is.Not.InstanceOf<ReadTimeoutException>());
        Assert.That(e.Message, Does.Contain("total deadline of 0.5s"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task AGzipBodyIsDecoded()
    {
        using var session = NewSession();

        var response = await Get(session, Url("/gzip"));

        Assert.That(response.Headers["Content-Encoding"], Is.EqualTo("gzip"));
        Assert.That(response.Text, Is.EqualTo("decoded " + new string('z', 5000)));
    }

    [Test]
    public async Task TheResponseSizeLimitHolds()
    {
        using var session = NewSession();
        session.MaxResponseBytes = 10_000;
        string url = Url("/big");

        var e = await Throws<ResponseTooLargeException>(() => session.Get(url), () => session.GetAsync(url));

        Assert.That(e.Message, Does.Contain("MaxResponseBytes"));
    }

    [Test]
    public async Task ABodyCutOffMidwayThrows([Values] bool stream)
    {
        using var session = NewSession();
        string url = Url("/abort-mid-body");

        var e = await Throws<RequestException>(
            () => Read(session.Get(url, timeout: 10, stream: stream), stream),
            async () => Read(await session.GetAsync(url, timeout: 10, stream: stream), stream));

        Assert.That(e, Is.InstanceOf<ChunkedEncodingException>().Or.InstanceOf<ConnectionException>(), e.ToString());
        Assert.That(e.Message, Does.Contain(url));
    }

    [Test]
    public async Task ARefusedConnectionIsAConnectionException()
    {
        using var session = NewSession();
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        string scheme = protocol == ServerProtocol.Http2Tls ? "https" : "http";
        string url = $"{scheme}://127.0.0.1:{port}/";

        var e = await Throws<ConnectionException>(() => session.Get(url), () => session.GetAsync(url));

        Assert.That(e.Message, Does.Contain($"127.0.0.1:{port}"));
        Assert.That(e.InnerException, Is.Not.Null);
    }
}
