using System.Runtime.CompilerServices;

namespace FluentRequests.Tests.Content;

/// <summary>
/// A server that answers (413, 401, 503...) right after the request head and closes without reading the body: the
/// upload breaks (broken pipe, reset), and the call still returns the response the server sent, for every body kind,
/// sync and async. An upload that breaks with no response is a <see cref="ConnectionException"/> naming the write error.
/// </summary>
public class EarlyResponseTests
{
    private const int Attempts = 20;

    public enum Body { Bytes, Text, Form, Multipart, MultipartStream, MultipartUnseekable, SeekableStream, UnseekableStream, Chunks, Content }

    private static readonly RetryPolicy RetryPosts = new()
    {
        MaxRetries = 3, BackoffBase = TimeSpan.FromMilliseconds(1), BackoffMax = TimeSpan.FromMilliseconds(5), Jitter = false,
        Methods = [.. RetryPolicy.IdempotentMethods, "POST"],
    };

    private static (object? Data, Files? Files) Make(Body kind, int size)
    {
        byte[] bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        return kind switch
        {
            Body.Bytes => (bytes, null),
            Body.Text => (new string('t', size), null),
            Body.Form => (new Dictionary<string, string> { ["field"] = new string('f', size) }, null),
            Body.Multipart => (new { note = "kept" }, new Files { ["upload"] = ("a.bin", bytes) }),
            Body.MultipartStream => (null, new Files { ["upload"] = ("a.bin", new MemoryStream(bytes)) }),
            Body.MultipartUnseekable => (null, new Files { ["upload"] = ("a.bin", new NonSeekableStream(new MemoryStream(bytes))) }),
            Body.SeekableStream => (new MemoryStream(bytes), null),
            Body.UnseekableStream => (new NonSeekableStream(new MemoryStream(bytes)), null),
            Body.Chunks => (bytes.Chunk(16 * 1024), null),
            Body.Content => (new ByteArrayContent(bytes), null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static async IAsyncEnumerable<byte[]> AsyncChunks(int size, [EnumeratorCancellation] CancellationToken token = default)
    {
        for (int sent = 0; sent < size; sent += 16 * 1024)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            yield return new byte[Math.Min(16 * 1024, size - sent)];
        }
    }

    private static Task<Response> Post(bool async, string url, object? data, Files? files = null, RetryPolicy? retry = null)
        => Send.Either(async,
            () => Requests.Post(url, data: data, files: files, retry: retry),
            () => Requests.PostAsync(url, data: data, files: files, retry: retry));

    [Test]
    public async Task AnEarlyResponseIsReturnedForEveryBodyKind([Values] Body kind, [Values] bool async, [Values(50_000, 1_000_000)] int size)
    {
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(413, "Payload Too Large"));

        var answers = new List<string>();
        for (int i = 0; i < Attempts; i++)
        {
            var (data, files) = Make(kind, size);
            using var response = await Post(async, server.BaseUrl + "/upload", data, files);
            answers.Add($"{response.StatusCode} {response.Text}");
        }

        Assert.That(answers, Is.All.EqualTo("413 Payload Too Large"));
        Assert.That(server.Requests, Is.EqualTo(Attempts), "one request on the wire per call: nothing resent");
    }

    [Test]
    public async Task AnEarlyResponseIsReturnedForAnAsyncChunkSequence([Values(50_000, 1_000_000)] int size)
    {
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(413, "Payload Too Large"));

        var answers = new List<string>();
        for (int i = 0; i < Attempts; i++)
        {
            using var response = await Requests.PostAsync(server.BaseUrl + "/upload", data: AsyncChunks(size));
            answers.Add($"{response.StatusCode} {response.Text}");
        }

        Assert.That(answers, Is.All.EqualTo("413 Payload Too Large"));
        Assert.That(server.Requests, Is.EqualTo(Attempts));
    }

    // Far more than the socket buffers hold on loopback (4 MiB send, the server's unread receive window), so the
    // upload is still being written when the server closes: the write breaks every time.
    private const long Unabsorbable = 32L << 20;

    [Test]
    public async Task AnEarlyResponseIsReturnedWhateverTheUploadSize([Values(2, 4, 8, 64)] int megabytes, [Values] bool chunked, [Values] bool async)
    {
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(413, "Payload Too Large"));
        long size = (long)megabytes << 20;

        var answers = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            object data = chunked ? Zeros.Chunks(size) : new Zeros(size);
            using var response = await Post(async, server.BaseUrl + "/upload", data);
            answers.Add($"{response.StatusCode} {response.Text}");
        }

        Assert.That(answers, Is.All.EqualTo("413 Payload Too Large"));
        Assert.That(server.Requests, Is.EqualTo(5));
    }

    [Test]
    public async Task AnEarlyResponseIsReturnedOverTls([Values(Body.Multipart, Body.UnseekableStream, Body.Chunks)] Body kind, [Values] bool async)
    {
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(413, "Payload Too Large"), tls: true);
        string url = server.BaseUrl + "/upload";

        var answers = new List<string>();
        for (int i = 0; i < Attempts; i++)
        {
            var (data, files) = Make(kind, 1_000_000);
            using var response = await Send.Either(async,
                () => Requests.Post(url, data: data, files: files, verify: false), () => Requests.PostAsync(url, data: data, files: files, verify: false));
            answers.Add($"{response.StatusCode} {response.Text}");
        }

        Assert.That(answers, Is.All.EqualTo("413 Payload Too Large"));
        Assert.That(server.Requests, Is.EqualTo(Attempts));
    }

    [Test]
    public async Task AConnectionWhoseUploadBrokeIsNeverReused([Values] bool async)
    {
        // No Connection: close: only the broken upload tells the client the connection is gone.
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(401, "Unauthorized", sayClose: false));
        using var session = new Session();

        var answers = new List<string>();
        for (int i = 0; i < 10; i++)
        {
            using var response = await Send.Either(async,
                () => session.Post(server.BaseUrl + "/upload", data: new Zeros(Unabsorbable)),
                () => session.PostAsync(server.BaseUrl + "/upload", data: new Zeros(Unabsorbable)));
            answers.Add($"{response.StatusCode} {response.Text}");
        }
        using var last = await Send.Either(async, () => session.Get(server.BaseUrl + "/after"), () => session.GetAsync(server.BaseUrl + "/after"));
        answers.Add($"{last.StatusCode} {last.Text}");

        Assert.That(answers, Is.All.EqualTo("401 Unauthorized"));
        Assert.That(server.Requests, Is.EqualTo(11), "each request on a connection of its own, sent once");
    }

    [Test]
    public async Task AnEarly503ToAnAllowedPostIsRetriedAsAStatus([Values] bool async)
    {
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(503, "Service Unavailable"));

        using var response = await Post(async, server.BaseUrl + "/upload", new Zeros(Unabsorbable), retry: RetryPosts);

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(response.Text, Is.EqualTo("Service Unavailable"));
        Assert.That(server.Requests, Is.EqualTo(4), "the first attempt and 3 retries, each answered 503");
    }

    [Test]
    public async Task AnEarly503RaisesRetryExceptionWhenRetriesRunOut([Values] bool async)
    {
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(503, "Service Unavailable"));
        var policy = RetryPosts with { RaiseOnExhausted = true };

        var e = await Send.Throws<RetryException>(async,
            () => Requests.Post(server.BaseUrl + "/upload", data: new Zeros(Unabsorbable), retry: policy),
            () => Requests.PostAsync(server.BaseUrl + "/upload", data: new Zeros(Unabsorbable), retry: policy));

        Assert.That(e.Response?.StatusCode, Is.EqualTo(503));
        Assert.That(e.Message, Does.Contain("too many 503 error responses; 4 attempts"));
        Assert.That(server.Requests, Is.EqualTo(4));
    }

    [Test]
    public async Task AnEarly503ToAPostTheDefaultPolicyLeavesIsReturnedAtOnce([Values] bool async)
    {
        await using var server = new EarlyResponseServer(EarlyResponseServer.Status(503, "Service Unavailable"));

        using var response = await Post(async, server.BaseUrl + "/upload", new Zeros(Unabsorbable), retry: new RetryPolicy());

        Assert.That(response.StatusCode, Is.EqualTo(503));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task AnUploadCutOffWithNoResponseIsAConnectionErrorSentOnceForPost([Values] bool async)
    {
        await using var server = new EarlyResponseServer(response: null);
        string url = server.BaseUrl + "/upload";

        var e = await Send.Throws<ConnectionException>(async,
            () => Requests.Post(url, data: new Zeros(Unabsorbable), retry: RetryPosts),
            () => Requests.PostAsync(url, data: new Zeros(Unabsorbable), retry: RetryPosts));

        Assert.That(e, Is.TypeOf<ConnectionException>());
        Assert.That(e.Message, Does.StartWith(
            $"Connection aborted: {new Uri(url).Authority} closed the connection while the request was being sent, and sent no response, for url: {url} ("));
        Assert.That(e.Message, Does.Contain("(Broken pipe)").Or.Contain("(Connection reset by peer)"), "names the write error");
        Assert.That(e.Response, Is.Null);
        Assert.That(server.Requests, Is.EqualTo(1), "POST is allowed by the policy, but a cut-off upload is not sent again");
    }

    [Test]
    public async Task AnIdempotentUploadCutOffWithNoResponseIsRetried([Values] bool async)
    {
        await using var server = new EarlyResponseServer(response: null);
        string url = server.BaseUrl + "/upload";

        var e = await Send.Throws<ConnectionException>(async,
            () => Requests.Put(url, data: new Zeros(Unabsorbable), retry: RetryPosts),
            () => Requests.PutAsync(url, data: new Zeros(Unabsorbable), retry: RetryPosts));

        Assert.That(e.Message, Does.Contain("closed the connection while the request was being sent").And.EndWith("(gave up after 4 attempts)"));
        Assert.That(server.Requests, Is.EqualTo(4));
    }

    /// <summary>A seekable stream of zeros of any length, without the memory.</summary>
    private sealed class Zeros(long length) : Stream
    {
        private static readonly byte[] Chunk = new byte[64 * 1024];
        private long _position;

        public static IEnumerable<byte[]> Chunks(long length)
        {
            for (long sent = 0; sent < length; sent += Chunk.Length) yield return Chunk;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => _position = value; }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
            => _position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
