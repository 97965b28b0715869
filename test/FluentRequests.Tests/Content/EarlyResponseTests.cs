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
}
