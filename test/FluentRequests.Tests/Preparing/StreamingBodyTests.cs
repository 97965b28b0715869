using System.Text;

namespace FluentRequests.Tests.Preparing;

/// <summary>
/// Stream and chunk-sequence bodies: Content-Length when the length is known, else chunked. Read with Kestrel, which
/// shows the framing headers as they arrived and the body after de-chunking.
/// </summary>
public class StreamingBodyTests
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}\n")));

    private static IEnumerable<byte[]> Chunks(byte[] data, int size)
    {
        for (int i = 0; i < data.Length; i += size) yield return data[i..Math.Min(data.Length, i + size)];
    }

    private static async IAsyncEnumerable<byte[]> AsyncChunks(byte[] data, int size)
    {
        foreach (var chunk in Chunks(data, size))
        {
            await Task.Yield();
            yield return chunk;
        }
    }

    private static Task<Response> Post(bool async, string url, object data)
        => Send.Either(async, () => Requests.Post(url, data: data), () => Requests.PostAsync(url, data: data));

    [Test]
    public async Task SeekableStreamSendsContentLength([Values] bool async)
    {
        await using var server = await CapturingServer.StartAsync();
        using var stream = new MemoryStream(Payload);

        var response = await Post(async, server.Url("/s"), stream);

        var got = server.Received.Single();
        Assert.That(got.Header("Content-Length"), Is.EqualTo(Payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(got.Header("Transfer-Encoding"), Is.Null);
        Assert.That(got.Header("Content-Type"), Is.Null);
        Assert.That(got.Body, Is.EqualTo(Payload));
        Assert.That(response.Request.Body, Is.SameAs(stream));
        Assert.That(stream.CanRead, Is.True, "the caller's stream is left open");
    }

    [Test]
    public async Task SeekableStreamIsSentFromItsCurrentPosition([Values] bool async)
    {
        await using var server = await CapturingServer.StartAsync();
        using var stream = new MemoryStream(Payload) { Position = 100 };

        await Post(async, server.Url("/s"), stream);

        var got = server.Received.Single();
        Assert.That(got.Header("Content-Length"), Is.EqualTo((Payload.Length - 100).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(got.Body, Is.EqualTo(Payload[100..]));
    }

    [Test]
    public async Task NonSeekableStreamIsChunked([Values] bool async)
    {
        await using var server = await CapturingServer.StartAsync();
        using var stream = new NonSeekableStream(new MemoryStream(Payload));

        var response = await Post(async, server.Url("/s"), stream);

        var got = server.Received.Single();
        Assert.That(got.Header("Transfer-Encoding"), Is.EqualTo("chunked"));
        Assert.That(got.Header("Content-Length"), Is.Null);
        Assert.That(got.Body, Is.EqualTo(Payload));
        Assert.That(response.Request.Headers["Transfer-Encoding"], Is.EqualTo("chunked"));
        Assert.That(response.Request.Headers.ContainsKey("Content-Length"), Is.False);
    }

    [Test]
    public async Task ByteChunksAreChunkedAndIntact([Values] bool async)
    {
        await using var server = await CapturingServer.StartAsync();
        var chunks = Chunks(Payload, 777);

        var response = await Post(async, server.Url("/s"), chunks);

        var got = server.Received.Single();
        Assert.That(got.Header("Transfer-Encoding"), Is.EqualTo("chunked"));
        Assert.That(got.Header("Content-Length"), Is.Null);
        Assert.That(got.Body, Is.EqualTo(Payload));
        Assert.That(response.Request.Body, Is.SameAs(chunks));
    }

    [Test]
    public async Task ByteChunkListWithEmptyChunksIsIntact([Values] bool async)
    {
        await using var server = await CapturingServer.StartAsync();
        var chunks = new List<byte[]> { "ab"u8.ToArray(), Array.Empty<byte>(), "cd"u8.ToArray() };

        await Post(async, server.Url("/s"), chunks);

        var got = server.Received.Single();
        Assert.That(got.Header("Transfer-Encoding"), Is.EqualTo("chunked"));
        Assert.That(Encoding.ASCII.GetString(got.Body), Is.EqualTo("abcd"));
    }

    [Test]
    public async Task AsyncByteChunksAreChunkedOnTheAsyncPath()
    {
        await using var server = await CapturingServer.StartAsync();

        var response = await Requests.PostAsync(server.Url("/s"), data: AsyncChunks(Payload, 1024));

        var got = server.Received.Single();
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(got.Header("Transfer-Encoding"), Is.EqualTo("chunked"));
        Assert.That(got.Header("Content-Length"), Is.Null);
        Assert.That(got.Body, Is.EqualTo(Payload));
    }

    [Test]
    public async Task UserContentTypeIsKeptOnAStream([Values] bool async)
    {
        await using var server = await CapturingServer.StartAsync();
        using var stream = new NonSeekableStream(new MemoryStream(Payload));
        var headers = new { Content_Type = "text/plain" };

        await Send.Either(async,
            () => Requests.Put(server.Url("/s"), data: stream, headers: headers),
            () => Requests.PutAsync(server.Url("/s"), data: stream, headers: headers));

        var got = server.Received.Single();
        Assert.That(got.Method, Is.EqualTo("PUT"));
        Assert.That(got.Header("Content-Type"), Is.EqualTo("text/plain"));
        Assert.That(got.Body, Is.EqualTo(Payload));
    }

    [Test]
    public async Task StringBodyIsNotChunked([Values] bool async)
    {
        await using var server = await CapturingServer.StartAsync();

        await Post(async, server.Url("/s"), "plain");

        var got = server.Received.Single();
        Assert.That(got.Header("Transfer-Encoding"), Is.Null);
        Assert.That(got.Header("Content-Length"), Is.EqualTo("5"));
        Assert.That(got.Header("Content-Type"), Is.Null);
    }
}
