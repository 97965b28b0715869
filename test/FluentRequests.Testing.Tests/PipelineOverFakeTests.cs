using System.Security.Cryptography;
using System.Text;

namespace FluentRequests.Testing.Tests;

/// <summary>Everything above the transport runs over the fake as over the network, sync and async alike.</summary>
public sealed class PipelineOverFakeTests
{
    private static readonly RetryPolicy FastRetry = new() { BackoffBase = TimeSpan.FromMilliseconds(1), Jitter = false };

    [TestCase(false)]
    [TestCase(true)]
    public async Task AStubbedRedirectIsFollowed(bool async)
    {
        using var http = new FakeHttp();
        http.ForCallsTo("https://api.example.com/old").RespondWith(FakeResponse.Redirect("/new", 302));
        http.ForCallsTo("https://api.example.com/new").RespondWith("moved here");

        var response = async ? await Requests.GetAsync("https://api.example.com/old") : Requests.Get("https://api.example.com/old");

        Assert.Multiple(() =>
        {
            Assert.That((response.Url, response.Text), Is.EqualTo(("https://api.example.com/new", "moved here")));
            Assert.That(response.History.Select(r => r.StatusCode), Is.EqualTo(new[] { 302 }));
            Assert.That(http.Calls.Select(c => c.Url), Is.EqualTo(new[] { "https://api.example.com/old", "https://api.example.com/new" }));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A503Then200IsRetriedUnderARetryPolicy(bool async)
    {
        using var http = new FakeHttp();
        http.ForCallsTo("*").RespondWithSequence(FakeResponse.Status(503), FakeResponse.Text("ok"));
        using var session = new Session { Retry = FastRetry };

        var response = async ? await session.GetAsync("https://api.example.com/") : session.Get("https://api.example.com/");

        Assert.That((response.StatusCode, http.Calls.Count), Is.EqualTo((200, 2)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AStubbedSetCookieIsSentBackOnTheNextCall(bool async)
    {
        using var http = new FakeHttp();
        http.ForCallsTo("https://api.example.com/login").RespondWith(FakeResponse.Status(204).WithSetCookie("sid=abc123; Path=/; HttpOnly"));
        using var session = new Session();

        if (async)
        {
            await session.PostAsync("https://api.example.com/login");
            await session.GetAsync("https://api.example.com/me");
        }
        else
        {
            session.Post("https://api.example.com/login");
            session.Get("https://api.example.com/me");
        }

        http.ShouldHaveCalled("https://api.example.com/me").WithCookie("sid", "abc123").Times(1);
        Assert.That(http.Calls[0].Header("Cookie"), Is.Null);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task DigestAuthAnswersTheFakesChallenge(bool async)
    {
        using var http = new FakeHttp();
        const string realm = "api", nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        http.ForCallsTo("https://api.example.com/secret").RespondWith(call =>
            DigestIsValid(call, "ada", "s3cret", realm, nonce)
                ? FakeResponse.Text("welcome")
                : FakeResponse.Status(401).WithHeader("WWW-Authenticate", $"Digest realm=\"{realm}\", nonce=\"{nonce}\", qop=\"auth\", algorithm=MD5"));

        var response = async
            ? await Requests.GetAsync("https://api.example.com/secret", auth: Auth.Digest("ada", "s3cret"))
            : Requests.Get("https://api.example.com/secret", auth: Auth.Digest("ada", "s3cret"));

        Assert.That((response.StatusCode, response.Text), Is.EqualTo((200, "welcome")));
        http.ShouldHaveCalled("https://api.example.com/secret").WithoutHeader("Authorization").Times(1);
        http.ShouldHaveCalled("https://api.example.com/secret").WithHeader("Authorization", "Digest username=\"ada\"*").Times(1);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AHeadersDelayPastTheReadTimeoutIsAReadTimeout(bool async)
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Text("late").WithHeadersDelay(TimeSpan.FromSeconds(30)));
        var timeout = new RequestTimeout(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));

        var e = async
            ? await Assert.ThrowsAsync<ReadTimeoutException>(() => Requests.GetAsync("https://api.example.com/", timeout: timeout))
            : Assert.Throws<ReadTimeoutException>(() => Requests.Get("https://api.example.com/", timeout: timeout));

        Assert.That(e!.Message, Does.Contain("waiting for the response headers from https://api.example.com/"));
    }

    [Test]
    public void ASyncHeadersDelayIsBoundedByTheReadLimitEvenWhenTheReadTimerCannotFire()
    {
        // The read timer fires on a thread-pool thread; a starved pool delays it by seconds. A synchronous wait for
        // headers must end at the read limit on its own, as the socket transport's does. Pausing the timer (a connect
        // in progress) leaves the fake's own bound as the only thing that can end a 30 s delay.
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Text("late").WithHeadersDelay(TimeSpan.FromSeconds(30)));
        using var request = new ExchangeMessage(HttpMethod.Get, new Uri("https://api.example.com/"));
        using var exchange = new Exchange(request, new RequestTimeout(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)), default, isSync: true);
        exchange.OnConnecting();
        using var invoker = new HttpMessageInvoker(new FakeHandler(http));

        Assert.Throws<ReadTimeoutSignal>(() => invoker.Send(request, exchange.Token));
        Assert.That((exchange.ReadTimerFired, exchange.Token.IsCancellationRequested), Is.EqualTo((true, false)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ABodyDelayPastTheReadTimeoutIsAReadTimeout(bool async)
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Text("late body").WithBodyDelay(TimeSpan.FromSeconds(30)));
        var timeout = new RequestTimeout(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));

        var e = async
            ? await Assert.ThrowsAsync<ReadTimeoutException>(() => Requests.GetAsync("https://api.example.com/", timeout: timeout))
            : Assert.Throws<ReadTimeoutException>(() => Requests.Get("https://api.example.com/", timeout: timeout));

        Assert.That(e!.Message, Does.Contain("reading the response body"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task DelaysShorterThanTheReadTimeoutOnlyDelay(bool async)
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Text("slow").WithHeadersDelay(TimeSpan.FromMilliseconds(50)).WithBodyDelay(TimeSpan.FromMilliseconds(50)));

        var response = async ? await Requests.GetAsync("https://api.example.com/") : Requests.Get("https://api.example.com/");

        Assert.That(response.Text, Is.EqualTo("slow"));
        Assert.That(response.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(45)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ARefusedConnectionIsAConnectionExceptionAndIsRetried(bool async)
    {
        using var http = new FakeHttp();
        http.ForCallsTo("*").RespondWithSequence(FakeResponse.ConnectionRefused(), FakeResponse.ConnectionRefused(), FakeResponse.Text("up again"));

        var e = async
            ? await Assert.ThrowsAsync<ConnectionException>(() => Requests.GetAsync("https://api.example.com/"))
            : Assert.Throws<ConnectionException>(() => Requests.Get("https://api.example.com/"));
        // Nothing was sent, so even a POST is retried.
        using var session = new Session { Retry = FastRetry };
        var retried = async ? await session.PostAsync("https://api.example.com/") : session.Post("https://api.example.com/");

        Assert.That(e!.Message, Does.Contain("Failed to establish a connection to api.example.com"));
        Assert.That((retried.Text, http.Calls.Count), Is.EqualTo(("up again", 3)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AnEmptyResponseIsAConnectionException(bool async)
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.EmptyResponse());

        var e = async
            ? await Assert.ThrowsAsync<ConnectionException>(() => Requests.GetAsync("https://api.example.com/"))
            : Assert.Throws<ConnectionException>(() => Requests.Get("https://api.example.com/"));

        Assert.That(e!.Message, Does.Contain("closed the connection without a complete response"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AResetMidBodyIsAConnectionExceptionAfterTheBytesSent(bool async)
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Text(new string('x', 1000)).ResetMidBody(400));

        var e = async
            ? await Assert.ThrowsAsync<ConnectionException>(() => Requests.GetAsync("https://api.example.com/"))
            : Assert.Throws<ConnectionException>(() => Requests.Get("https://api.example.com/"));

        Assert.That(e!.Message, Does.Contain("after 400 bytes"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ATruncatedBodyIsAnIncompleteRead(bool async)
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Text(new string('x', 1000)).TruncatedBody(250));

        var e = async
            ? await Assert.ThrowsAsync<ChunkedEncodingException>(() => Requests.GetAsync("https://api.example.com/"))
            : Assert.Throws<ChunkedEncodingException>(() => Requests.Get("https://api.example.com/"));

        Assert.That(e!.Message, Does.Contain("IncompleteRead(250 bytes read, 750 more expected)"));
    }

    [Test]
    public void NoResponseWaitsUntilTheCallersCancellation()
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.NoResponse());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(
            async () => await Requests.GetAsync("https://api.example.com/", timeout: RequestTimeout.Infinite, cancellationToken: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(http.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public void NoResponseEndsAtTheTotalTimeoutInSyncCalls()
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.NoResponse());

        Assert.That(
            () => Requests.Get("https://api.example.com/", timeout: RequestTimeout.Infinite, totalTimeout: TimeSpan.FromMilliseconds(200)),
            Throws.InstanceOf<RequestException>().With.Message.Contains("https://api.example.com/"));
    }

    [Test]
    public void HooksAndLimitsRunOnTheFakesResponses()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("*/small").RespondWith("small");
        http.ForCallsTo("*/big").RespondWith(new string('b', 5000));
        var seen = new List<int>();
        using var session = new Session { MaxResponseBytes = 1000 };
        session.Hooks.Add(r => seen.Add(r.StatusCode));

        session.Get("https://x.test/small");

        Assert.That(() => session.Get("https://x.test/big"), Throws.InstanceOf<ResponseTooLargeException>());
        Assert.That(seen, Is.EqualTo(new[] { 200 }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task StreamedBodiesIterateAndSave(bool async)
    {
        using var http = new FakeHttp();
        var payload = Enumerable.Range(0, 20_000).Select(i => (byte)i).ToArray();
        http.ForCallsTo("https://x.test/f").RespondWith(FakeResponse.Bytes(payload));
        string path = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.bin");
        try
        {
            using (var iterated = async ? await Requests.GetAsync("https://x.test/f", stream: true) : Requests.Get("https://x.test/f", stream: true))
            {
                var chunks = new List<byte>();
                if (async)
                {
                    await foreach (var chunk in iterated.IterContentAsync(4096)) chunks.AddRange(chunk);
                }
                else
                {
                    foreach (var chunk in iterated.IterContent(4096)) chunks.AddRange(chunk);
                }
                Assert.That(chunks, Is.EqualTo(payload));
            }
            using (var saved = Requests.Get("https://x.test/f", stream: true))
            {
                long written = async ? await saved.SaveToAsync(path) : saved.SaveTo(path);
                Assert.That(written, Is.EqualTo(payload.Length));
            }
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(payload));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void AStreamedBodyDelayTripsTheReadTimeoutWhenRead()
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Text("late").WithBodyDelay(TimeSpan.FromSeconds(30)));

        using var response = Requests.Get("https://x.test/", stream: true, timeout: (5.0, 0.2));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(() => response.IterContent().ToList(), Throws.InstanceOf<ReadTimeoutException>());
    }

    private static bool DigestIsValid(RecordedCall call, string user, string password, string realm, string nonce)
    {
        if (call.Header("Authorization") is not { } header || !header.StartsWith("Digest ", StringComparison.Ordinal)) return false;
        var fields = header[7..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('"'));
        static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
        string ha1 = Md5($"{user}:{realm}:{password}");
        string ha2 = Md5($"{call.Method}:{fields["uri"]}");
        string expected = Md5($"{ha1}:{nonce}:{fields["nc"]}:{fields["cnonce"]}:auth:{ha2}");
        return fields["username"] == user && fields["nonce"] == nonce && fields["response"] == expected;
    }
}
