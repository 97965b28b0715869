using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Models;

/// <summary>
/// Reading a body without holding it: SaveTo (a temporary file moved into place, progress, cancellation, decoded),
/// CopyTo and IterChunks (constant memory, no allocation per chunk) and ReadAsStream (decoded, where Raw is not).
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ResponseDownloadTests
{
    private const int Size = 4 * 1024 * 1024;
    private static readonly byte[] Body = Enumerable.Range(0, Size).Select(i => (byte)(i * 7 % 251)).ToArray();
    private static readonly byte[] Gzipped = Gzip(Body);
    private KestrelServer _server = null!;
    private RawHttpServer _broken = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await KestrelServer.StartAsync(async ctx =>
        {
            byte[] body = ctx.Request.Path == "/gzip" ? Gzipped : Body;
            if (ctx.Request.Path == "/gzip") ctx.Response.Headers.ContentEncoding = "gzip";
            if (ctx.Request.Path != "/chunked") ctx.Response.ContentLength = body.Length;
            for (int i = 0; i < body.Length; i += 100_000)
            {
                await ctx.Response.Body.WriteAsync(body.AsMemory(i, Math.Min(100_000, body.Length - i)));
            }
        });
        _broken = new RawHttpServer(async (path, connection, token) =>
        {
            await RawHttpServer.WriteAsync(connection, $"HTTP/1.1 200 OK\r\nContent-Length: {Size}\r\n\r\n", token);
            await connection.WriteAsync(Body.AsMemory(0, 300_000), token);
            // "/cut" closes here; "/stall" waits (for a cancellation).
            if (path == "/stall") await Task.Delay(TimeSpan.FromSeconds(20), token);
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        await _broken.DisposeAsync();
    }

    private static Task<Response> Streamed(string url, bool async, CancellationToken token = default)
        => Send.Either(async,
            () => Requests.Get(url, stream: true, cancellationToken: token),
            () => Requests.GetAsync(url, stream: true, cancellationToken: token));

    [Test]
    public async Task SaveToWritesTheDecodedBodyAndReportsProgress(
        [Values("/plain", "/gzip", "/chunked")] string path, [Values] bool async, [Values] bool stream)
    {
        using var folder = new TempFolder();
        string target = folder.Target;
        string directory = folder.Path;
        string url = _server.Url(path);
        var response = stream ? await Streamed(url, async) : await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));
        var progress = new Recorder();

        long written = await Send.Either(async, () => response.SaveTo(target, progress), () => response.SaveToAsync(target, progress));

        Assert.That(written, Is.EqualTo(Size));
        Assert.That(File.ReadAllBytes(target).AsSpan().SequenceEqual(Body), Is.True, "decoded as the body was sent");
        Assert.That(Directory.GetFiles(directory), Has.Length.EqualTo(1), "no temporary file left");
        var last = progress.Reports[^1];
        Assert.That(last.BytesWritten, Is.EqualTo(Size));
        Assert.That(progress.Reports.Select(r => r.BytesWritten), Is.Ordered);
        if (!stream) return;
        long? declared = path switch { "/plain" => Size, "/gzip" => Gzipped.Length, _ => null };
        Assert.That(progress.Reports.Select(r => r.TotalBytes), Is.All.EqualTo(declared), "the total is the Content-Length, when sent");
        Assert.That(last.BytesReceived, Is.EqualTo(declared ?? Size), "bytes received count as sent: compressed for gzip");
        Assert.That(last.Fraction, Is.EqualTo(declared is null ? null : 1.0));
        Assert.That(progress.Reports.Count, Is.GreaterThan(10), "reported as the body arrives, not once at the end");
    }

    [Test]
    public async Task AFailureMidBodyLeavesNoFileAndTheOldFileUntouched([Values] bool async)
    {
        using var folder = new TempFolder();
        string target = folder.Target;
        string directory = folder.Path;
        File.WriteAllText(target, "the previous version");
        using var response = await Streamed(_broken.Url("/cut"), async);

        await Send.Throws<ChunkedEncodingException>(async, () => response.SaveTo(target), () => response.SaveToAsync(target));

        Assert.That(Directory.GetFiles(directory), Is.EqualTo(new[] { target }), "no temporary file left");
        Assert.That(File.ReadAllText(target), Is.EqualTo("the previous version"));
    }

    [Test]
    public async Task AFailureMidBodyLeavesNoTargetFile([Values] bool async)
    {
        using var folder = new TempFolder();
        string target = folder.Target;
        string directory = folder.Path;
        using var response = await Streamed(_broken.Url("/cut"), async);

        await Send.Throws<ChunkedEncodingException>(async, () => response.SaveTo(target), () => response.SaveToAsync(target));

        Assert.That(Directory.GetFiles(directory), Is.Empty);
    }

    [Test]
    public async Task CancellingASaveLeavesNoFile([Values] bool async)
    {
        using var folder = new TempFolder();
        string target = folder.Target;
        string directory = folder.Path;
        using var cts = new CancellationTokenSource();
        // The call's token too: it is the one that interrupts a blocked synchronous read.
        using var response = await Streamed(_broken.Url("/stall"), async, cts.Token);
        // Cancel once part of the body is on disk; the rest never comes.
        var progress = new Recorder(report => { if (report.BytesWritten > 0) cts.CancelAfter(100); });

        var e = await Send.Throws<OperationCanceledException>(async,
            () => response.SaveTo(target, progress, cts.Token),
            () => response.SaveToAsync(target, progress, cts.Token));

        Assert.That(Directory.GetFiles(directory), Is.Empty);
        Assert.That(progress.Reports[^1].BytesWritten, Is.InRange(1, 300_000));
    }

    [Test]
    public async Task ReadAsStreamIsDecodedWhereRawIsNot([Values] bool async)
    {
        using var decoded = await Streamed(_server.Url("/gzip"), async);
        using var raw = await Streamed(_server.Url("/gzip"), async);
        using var fromStream = new MemoryStream();
        using var fromRaw = new MemoryStream();

        using (var body = decoded.ReadAsStream())
        {
            if (async) await body.CopyToAsync(fromStream);
            else body.CopyTo(fromStream);
        }
        raw.Raw.CopyTo(fromRaw);

        Assert.That(fromStream.ToArray().AsSpan().SequenceEqual(Body), Is.True);
        Assert.That(fromRaw.ToArray().AsSpan().SequenceEqual(Gzipped), Is.True);
        Assert.That(() => decoded.ReadAsStream(), Throws.InstanceOf<StreamConsumedException>());
    }

    [Test]
    public async Task IterChunksReusesOneBuffer([Values] bool async, [Values] bool stream)
    {
        string url = _server.Url("/gzip");
        using var response = stream ? await Streamed(url, async) : await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));
        using var copy = new MemoryStream();
        var buffers = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        int largest = 0;

        void Take(ReadOnlyMemory<byte> chunk)
        {
            copy.Write(chunk.Span);
            largest = Math.Max(largest, chunk.Length);
            if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(chunk, out var segment)) buffers.Add(segment.Array!);
        }
        if (async) { await foreach (var chunk in response.IterChunksAsync(10_000)) Take(chunk); }
        else { foreach (var chunk in response.IterChunks(10_000)) Take(chunk); }

        Assert.That(copy.ToArray().AsSpan().SequenceEqual(Body), Is.True);
        Assert.That(largest, Is.LessThanOrEqualTo(10_000));
        Assert.That(buffers, Has.Count.EqualTo(1), "every chunk is a view of the same array");
    }

    [Test]
    public void SyncCopyToAllocatesFarLessThanTheBody([Values("/plain", "/chunked")] string path)
    {
        using var response = Requests.Get(_server.Url(path), stream: true);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long copied = response.CopyTo(Stream.Null);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(copied, Is.EqualTo(Size));
        Assert.That(allocated, Is.LessThan(128 * 1024), $"{allocated} bytes allocated to copy {Size}");
    }

    [Test]
    public void SyncIterChunksAllocatesFarLessThanTheBody()
    {
        using var response = Requests.Get(_server.Url("/plain"), stream: true);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long total = 0;
        foreach (var chunk in response.IterChunks()) total += chunk.Length;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(total, Is.EqualTo(Size));
        Assert.That(allocated, Is.LessThan(192 * 1024), $"{allocated} bytes allocated to read {Size}; the 64 KiB buffer is the one expected");
    }

    [Test]
    public async Task CopyToAStreamIsTheDecodedBody([Values] bool async)
    {
        using var response = await Streamed(_server.Url("/gzip"), async);
        using var copy = new MemoryStream();

        long copied = await Send.Either(async, () => response.CopyTo(copy), () => response.CopyToAsync(copy));

        Assert.That(copied, Is.EqualTo(Size));
        Assert.That(copy.ToArray().AsSpan().SequenceEqual(Body), Is.True);
        Assert.That(() => response.CopyTo(Stream.Null), Throws.InstanceOf<StreamConsumedException>());
    }

    // Bodies are compared with SequenceEqual: NUnit compares arrays element by element, seconds for 4 MiB.
    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>A directory of the test's own, deleted with everything in it.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("fluentrequests-save-").FullName;

        public string Target => System.IO.Path.Combine(Path, "download.bin");

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Records reports as they are made (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class Recorder(Action<DownloadProgress>? onReport = null) : IProgress<DownloadProgress>
    {
        public List<DownloadProgress> Reports { get; } = new();

        public void Report(DownloadProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
