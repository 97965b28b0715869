using System.Diagnostics;
using System.IO.Compression;

namespace FluentRequests.Tests.Body;

/// <summary>
/// A body is complete, or the call throws: a server that stalls mid-body gives a <see cref="ReadTimeoutException"/>
/// at the read limit (not when the peer moves again), a cancelled token gives an <see cref="OperationCanceledException"/>,
/// and never a response with part of the body, whatever the framing, sync or async, buffered or streamed.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class BodyIntegrityTests
{
    /// <summary>Far beyond every limit below: a call that waits for the peer instead of the limit fails its time bound.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(20);
    private static readonly RequestTimeout ReadLimit = (5, 0.4);
    /// <summary>The read limit plus a generous margin for a loaded machine, and still far below the stall.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2.5);

    private static readonly byte[] Incompressible = RandomBytes(20_000);
    private static readonly byte[] Gzipped = Gzip(Incompressible);
    private RawHttpServer _server = null!;

    public static readonly string[] Framings = ["/length", "/chunked", "/close", "/gzip"];

    [OneTimeSetUp]
    public void Start() => _server = new RawHttpServer(async (path, connection, token) =>
    {
        switch (path)
        {
            case "/length":
                await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", token);
                await connection.WriteAsync(new byte[100], token);
                break;
            case "/chunked":
                await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n", token);
                await connection.WriteAsync(new byte[100], token);
                await RawHttpServer.WriteAsync(connection, "\r\n", token);
                break;
            case "/close":
                await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", token);
                await connection.WriteAsync(new byte[100], token);
                break;
            case "/gzip":
                await RawHttpServer.WriteAsync(connection, $"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {Gzipped.Length}\r\n\r\n", token);
                await connection.WriteAsync(Gzipped.AsMemory(0, Gzipped.Length / 2), token);
                break;
            case "/whole":
                // All of it at once: any wait is the caller's, none is the server's.
                await RawHttpServer.WriteAsync(connection, $"HTTP/1.1 200 OK\r\nContent-Length: {Incompressible.Length}\r\nConnection: close\r\n\r\n", token);
                await connection.WriteAsync(Incompressible, token);
                break;
            case "/gzip-flowing":
                // An endless gzip body (one member after another), as fast as the client takes it.
                await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n", token);
                while (true) await connection.WriteAsync(Gzipped, token);
            default:
                throw new InvalidOperationException(path);
        }
        await Task.Delay(Stall, token);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task StallMidBodyIsAReadTimeoutAtTheReadLimit([ValueSource(nameof(Framings))] string framing, [Values] BodyRead read, [Values] bool async)
    {
        string url = _server.Url(framing);
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<ReadTimeoutException>(async,
            () => BodyReader.Read(read, url, ReadLimit),
            () => BodyReader.ReadAsync(read, url, ReadLimit));

        Assert.That(watch.Elapsed, Is.LessThan(Bound), "the read limit ends the wait, not the peer");
        Assert.That(e.Message, Does.Contain(url).And.Contain("read timeout=0.4s"));
    }

    [Test]
    public async Task ACallerPausingBetweenChunksLongerThanTheReadTimeoutGetsEveryByte()
    {
        // The read timeout bounds waiting on the server, not the caller's own pace between reads of a streamed body.
        await using var response = await Requests.GetAsync(_server.Url("/whole"), timeout: (5, 1), stream: true);
        using var received = new MemoryStream();

        await foreach (var chunk in response.IterContentAsync(1000))
        {
            // Once, after the first chunk: the rest is still mostly in the socket, to be read after the pause.
            if (received.Length == 0) await Task.Delay(TimeSpan.FromSeconds(2));
            received.Write(chunk);
        }

        Assert.That(received.ToArray(), Is.EqualTo(Incompressible));
    }

    [Test]
    public async Task CancelWhileTheBodyStallsIsOperationCanceled([ValueSource(nameof(Framings))] string framing, [Values] BodyRead read, [Values] bool async)
    {
        string url = _server.Url(framing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<OperationCanceledException>(async,
            () => BodyReader.Read(read, url, (5, 10), cts.Token),
            () => BodyReader.ReadAsync(read, url, (5, 10), cts.Token));

        Assert.That(watch.Elapsed, Is.LessThan(Bound), "the cancellation ends the wait, not the peer");
        Assert.That(e.CancellationToken, Is.EqualTo(cts.Token));
    }

    [Test]
    public async Task TotalDeadlineWhileTheBodyStallsIsARequestTimeout([Values("/length", "/close")] string framing, [Values] bool async)
    {
        string url = _server.Url(framing);
        var timeout = new RequestTimeout(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), total: TimeSpan.FromMilliseconds(400));
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<RequestTimeoutException>(async,
            () => BodyReader.Read(BodyRead.Buffered, url, timeout),
            () => BodyReader.ReadAsync(BodyRead.Buffered, url, timeout));

        Assert.That(watch.Elapsed, Is.LessThan(Bound), "the deadline ends the wait, not the peer");
        Assert.That(e, Is.Not.InstanceOf<ReadTimeoutException>(), "the total deadline fired, not the 10 s read limit");
    }

    [Test]
    public async Task CancelWhileALargeGzipBodyFlowsIsOperationCanceled([Values(BodyRead.Buffered, BodyRead.Content)] BodyRead read, [Values] bool async)
    {
        string url = _server.Url("/gzip-flowing");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Send.Throws<OperationCanceledException>(async,
            () => BodyReader.Read(read, url, (5, 10), cts.Token),
            () => BodyReader.ReadAsync(read, url, (5, 10), cts.Token));

        Assert.That(e.CancellationToken, Is.EqualTo(cts.Token));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(6).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }
}
