using System.Diagnostics;
using System.IO.Compression;

namespace FluentRequests.Tests.Body;

/// <summary>
/// A hostile server cannot exhaust memory: a decompression bomb stops at the ratio limit, a buffered body at
/// <see cref="Session.MaxResponseBytes"/>, endless headers at <see cref="Session.MaxResponseHeadersBytes"/>; each a tree
/// exception naming its limit. Limits can be lifted or raised, and then the same response reads.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ResponseLimitTests
{
    private const int MiB = 1024 * 1024;
    /// <summary>One gzip member: 1 MiB of zeros in about 1 KB. Members may follow one another in one gzip body.</summary>
    private static readonly byte[] ZerosMember = Gzip(new byte[MiB]);
    private RawHttpServer _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new RawHttpServer(async (path, connection, token) =>
    {
        var query = path.Split('?');
        int n = query.Length > 1 ? int.Parse(query[1]) : 0;
        switch (query[0])
        {
            case "/bomb":
                // n MiB decoded from about n KB sent: n = 10240 is 10 GB from 10 MB, generated as it is sent.
                await RawHttpServer.WriteAsync(connection,
                    $"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {(long)ZerosMember.Length * n}\r\n\r\n", token);
                for (int i = 0; i < n; i++) await connection.WriteAsync(ZerosMember, token);
                return;
            case "/declared":
                // A Content-Length, then nothing: a client that reads before checking the length waits for the read timeout.
                await RawHttpServer.WriteAsync(connection, $"HTTP/1.1 200 OK\r\nContent-Length: {n}\r\n\r\n", token);
                await Task.Delay(TimeSpan.FromSeconds(20), token);
                return;
            case "/chunked":
                await RawHttpServer.WriteAsync(connection, $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{n:x}\r\n", token);
                await connection.WriteAsync(new byte[n], token);
                await RawHttpServer.WriteAsync(connection, "\r\n0\r\n\r\n", token);
                return;
            case "/headers":
                // n bytes of headers (n = 0: endless), then an empty body.
                await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\n", token);
                string line = $"X-Filler: {new string('a', 1000)}\r\n";
                for (long sent = 0; n == 0 || sent < n; sent += line.Length) await RawHttpServer.WriteAsync(connection, line, token);
                await RawHttpServer.WriteAsync(connection, "Content-Length: 2\r\n\r\nok", token);
                return;
            default:
                throw new InvalidOperationException(path);
        }
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task GzipBombIsRefusedBeforeMemoryGrows(
        [Values(BodyRead.Buffered, BodyRead.Content, BodyRead.CopyTo, BodyRead.SaveTo)] BodyRead read, [Values] bool async)
    {
        string url = _server.Url("/bomb?10240");
        // No buffered limit: the ratio alone must stop it.
        var session = new Session { MaxResponseBytes = null };
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long totalBefore = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<DecompressionLimitException>(async,
            () => BodyReader.Read(read, url, 10, session: session),
            () => BodyReader.ReadAsync(read, url, 10, session: session));

        Assert.That(e, Is.InstanceOf<ContentDecodingException>(), "a ContentDecodingException, for code that catches that");
        Assert.That(e.MaxRatio, Is.EqualTo(100));
        Assert.That(e.Message, Does.Contain(url).And.Contain("MaxDecompressionRatio"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "stopped early, not after decoding 10 GB");
        // The sync read runs on this thread, so its allocations are exactly counted; the async one is measured
        // process-wide, where tests running alongside add to it (still far below 10 GB).
        if (!async) Assert.That(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, Is.LessThan(64L * MiB));
        Assert.That(GC.GetTotalAllocatedBytes() - totalBefore, Is.LessThan(512L * MiB));
    }

    [Test]
    public async Task TheRatioLimitCanBeLiftedForAStreamedRead([Values] bool async)
    {
        string url = _server.Url("/bomb?200");
        var session = new Session { MaxDecompressionRatio = null };

        int length = await Send.Either(async,
            () => BodyReader.Read(BodyRead.CopyTo, url, 10, session: session),
            () => BodyReader.ReadAsync(BodyRead.CopyTo, url, 10, session: session));

        Assert.That(length, Is.EqualTo(200 * MiB));
    }

    [Test]
    public async Task ABodyJustBelowTheRatioFloorIsNotRefused([Values] bool async)
    {
        // 10 MiB of zeros: a ratio of about 1000, but not past the 10 MiB floor.
        string url = _server.Url("/bomb?10");

        int length = await Send.Either(async, () => BodyReader.Read(BodyRead.Buffered, url, 10), () => BodyReader.ReadAsync(BodyRead.Buffered, url, 10));

        Assert.That(length, Is.EqualTo(10 * MiB));
    }

    [Test]
    public async Task ABodyDeclaredLargerThanTheLimitIsRefusedBeforeReading([Values(BodyRead.Buffered, BodyRead.Content)] BodyRead read, [Values] bool async)
    {
        string url = _server.Url("/declared?1001");
        var session = new Session { MaxResponseBytes = 1000 };
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<ResponseTooLargeException>(async,
            () => BodyReader.Read(read, url, 10, session: session),
            () => BodyReader.ReadAsync(read, url, 10, session: session));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "refused on the header, not after waiting for the body");
        Assert.That(e.Limit, Is.EqualTo(1000));
        Assert.That(e.Message, Does.Contain(url).And.Contain("MaxResponseBytes (1000 bytes)").And.Contain("1001"));
    }

    [Test]
    public async Task AnUndeclaredBodyIsRefusedOnePastTheLimit([Values(BodyRead.Buffered, BodyRead.Content)] BodyRead read, [Values] bool async)
    {
        var session = new Session { MaxResponseBytes = 100_000 };

        int atLimit = await Send.Either(async,
            () => BodyReader.Read(read, _server.Url("/chunked?100000"), 10, session: session),
            () => BodyReader.ReadAsync(read, _server.Url("/chunked?100000"), 10, session: session));
        var e = await Send.Throws<ResponseTooLargeException>(async,
            () => BodyReader.Read(read, _server.Url("/chunked?100001"), 10, session: session),
            () => BodyReader.ReadAsync(read, _server.Url("/chunked?100001"), 10, session: session));

        Assert.That(atLimit, Is.EqualTo(100_000), "a body of exactly the limit is read");
        Assert.That(e.Limit, Is.EqualTo(100_000));
    }

    [Test]
    public async Task StreamedReadsAreNotBoundByTheBufferedLimit(
        [Values(BodyRead.IterChunks, BodyRead.CopyTo, BodyRead.SaveTo)] BodyRead read, [Values] bool async)
    {
        var session = new Session { MaxResponseBytes = 1000 };

        int length = await Send.Either(async,
            () => BodyReader.Read(read, _server.Url("/chunked?100000"), 10, session: session),
            () => BodyReader.ReadAsync(read, _server.Url("/chunked?100000"), 10, session: session));

        Assert.That(length, Is.EqualTo(100_000));
    }

    [Test]
    public async Task EndlessHeadersEndPromptlyNamingTheLimit([Values] bool async)
    {
        string url = _server.Url("/headers?0");
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<ConnectionException>(async, () => Requests.Get(url, timeout: 10), () => Requests.GetAsync(url, timeout: 10));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(e.Message, Does.Contain(url).And.Contain("MaxResponseHeadersBytes").And.Contain("65536"));
    }

    [Test]
    public async Task TheHeaderLimitIsASessionSetting([Values] bool async)
    {
        string url = _server.Url("/headers?100000");
        var roomy = new Session { MaxResponseHeadersBytes = 200 * 1024 };
        var strict = new Session();

        var response = await Send.Either(async, () => roomy.Get(url, timeout: 10), () => roomy.GetAsync(url, timeout: 10));
        await Send.Throws<ConnectionException>(async, () => strict.Get(url, timeout: 10), () => strict.GetAsync(url, timeout: 10));

        Assert.That(response.Text, Is.EqualTo("ok"));
        Assert.That(response.Headers["X-Filler"]!.Length, Is.GreaterThan(90_000), "the headers beyond the default limit all arrived");
    }

    [Test]
    public void LimitsRejectNonsense()
    {
        var session = new Session();

        Assert.That(() => session.MaxResponseBytes = 0, Throws.ArgumentException.With.Message.Contains("MaxResponseBytes"));
        Assert.That(() => session.MaxDecompressionRatio = 0.5, Throws.ArgumentException.With.Message.Contains("MaxDecompressionRatio"));
        Assert.That(() => session.MaxResponseHeadersBytes = 0, Throws.ArgumentException.With.Message.Contains("MaxResponseHeadersBytes"));
        Assert.That(session.MaxResponseBytes, Is.EqualTo(128L * MiB));
        Assert.That(session.MaxDecompressionRatio, Is.EqualTo(100));
        Assert.That(session.MaxResponseHeadersBytes, Is.EqualTo(64 * 1024));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize)) gzip.Write(data);
        return output.ToArray();
    }
}
