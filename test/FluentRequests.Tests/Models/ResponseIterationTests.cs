using System.Text;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Models;

/// <summary>IterContent / IterContentAsync chunk sizes, and IterLines / IterLinesAsync across chunk boundaries.</summary>
public class ResponseIterationTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 10_000).Select(i => (byte)('a' + i % 26)).ToArray();

    private static Task<KestrelServer> StartBodyServer() => KestrelServer.StartAsync(async ctx =>
    {
        ctx.Response.ContentType = "application/octet-stream";
        // Several writes, so a streamed read sees the body arrive in pieces.
        for (int i = 0; i < Body.Length; i += 3000)
        {
            await ctx.Response.Body.WriteAsync(Body.AsMemory(i, Math.Min(3000, Body.Length - i)));
            await ctx.Response.Body.FlushAsync();
        }
    });

    private static async Task<List<byte[]>> Chunks(Response response, bool async, int chunkSize)
    {
        if (!async) return response.IterContent(chunkSize).ToList();
        var chunks = new List<byte[]>();
        await foreach (var chunk in response.IterContentAsync(chunkSize)) chunks.Add(chunk);
        return chunks;
    }

    [Test]
    public async Task IterContentYieldsChunksOfAtMostChunkSize([Values] bool async, [Values] bool stream, [Values(1000, 4096, 20_000)] int chunkSize)
    {
        await using var server = await StartBodyServer();
        string url = server.Url("/");
        await using var response = await Send.Either(async, () => Requests.Get(url, stream: stream), () => Requests.GetAsync(url, stream: stream));

        var chunks = await Chunks(response, async, chunkSize);

        Assert.That(chunks, Is.Not.Empty);
        Assert.That(chunks, Has.All.Property("Length").InRange(1, chunkSize));
        Assert.That(chunks.SelectMany(c => c).ToArray(), Is.EqualTo(Body));
        if (!stream && chunkSize < Body.Length) Assert.That(chunks.Take(chunks.Count - 1), Has.All.Property("Length").EqualTo(chunkSize));
    }

    [Test]
    public async Task IterContentDefaultChunkIsAtMost8KiB([Values] bool async)
    {
        await using var server = await StartBodyServer();
        string url = server.Url("/");
        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        var chunks = response.IterContent().ToList();

        Assert.That(chunks.Select(c => c.Length), Is.EqualTo(new[] { 8192, Body.Length - 8192 }));
    }

    [Test]
    public async Task ChunkSizeBelowOneIsArgumentException([Values] bool async)
    {
        await using var server = await StartBodyServer();
        string url = server.Url("/");
        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.Throws<ArgumentException>(() => response.IterContent(0));
        Assert.Throws<ArgumentException>(() => response.IterContentAsync(-1));
    }

    [Test]
    public async Task StreamedBodyIteratedTwiceIsStreamConsumed()
    {
        await using var server = await StartBodyServer();
        await using var response = await Requests.GetAsync(server.Url("/"), stream: true);

        Assert.That(response.IterContent(4096).Sum(c => c.Length), Is.EqualTo(Body.Length));

        Assert.Throws<StreamConsumedException>(() => response.IterContent(4096).ToList());
        Assert.Throws<StreamConsumedException>(() => _ = response.Content);
    }

    /// <summary>
    /// The server sends "x\na\r", waits until the client has seen line "x" (so "a\r" ended a chunk), then "\nb\r\nc\r",
    /// waits until the client has seen "b", then "\nd". A CRLF split across chunks must be one line break.
    /// </summary>
    private sealed class SplitCrlfServer : IAsyncDisposable
    {
        private readonly TaskCompletionSource _sawX = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _sawB = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private KestrelServer _server = null!;

        public string Url => _server.Url("/lines");

        public static async Task<SplitCrlfServer> StartAsync()
        {
            var s = new SplitCrlfServer();
            s._server = await KestrelServer.StartAsync(async ctx =>
            {
                ctx.Response.ContentType = "text/plain; charset=utf-8";
                await Write(ctx, "x\na\r");
                await s._sawX.Task.WaitAsync(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                await Write(ctx, "\nb\r\nc\r");
                await s._sawB.Task.WaitAsync(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                await Write(ctx, "\nd");
            });
            return s;
        }

        private static async Task Write(HttpContext ctx, string text)
        {
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
            await ctx.Response.Body.FlushAsync();
        }

        public void Saw(string line)
        {
            if (line == "x") _sawX.TrySetResult();
            if (line == "b") _sawB.TrySetResult();
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }

    [Test]
    public async Task IterLinesJoinsACrlfSplitAcrossChunks()
    {
        await using var server = await SplitCrlfServer.StartAsync();
        using var response = Requests.Get(server.Url, stream: true);
        var lines = new List<string>();

        foreach (var line in response.IterLines())
        {
            lines.Add(line);
            server.Saw(line);
        }

        Assert.That(lines, Is.EqualTo(new[] { "x", "a", "b", "c", "d" }));
    }

    [Test]
    public async Task IterLinesAsyncJoinsACrlfSplitAcrossChunks()
    {
        await using var server = await SplitCrlfServer.StartAsync();
        await using var response = await Requests.GetAsync(server.Url, stream: true);
        var lines = new List<string>();

        await foreach (var line in response.IterLinesAsync())
        {
            lines.Add(line);
            server.Saw(line);
        }

        Assert.That(lines, Is.EqualTo(new[] { "x", "a", "b", "c", "d" }));
    }

    [Test]
    public async Task IterLinesKeepsRealEmptyLinesAndHandlesAllTerminators([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("one\r\n\r\ntwo\nthree\rfour\n\nfive\r\n"));
        string url = server.Url("/");
        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(response.IterLines().ToList(), Is.EqualTo(new[] { "one", "", "two", "three", "four", "", "five" }));
    }

    [Test]
    public async Task IterLinesWithDelimiter([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("a|b||c"));
        string url = server.Url("/");
        var response = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true));

        var lines = new List<string>();
        if (async) await foreach (var line in response.IterLinesAsync("|")) lines.Add(line);
        else lines.AddRange(response.IterLines("|"));

        Assert.That(lines, Is.EqualTo(new[] { "a", "b", "", "c" }));
    }

    [Test]
    public async Task IterLinesDecodesMultiByteCharactersSplitAcrossChunks()
    {
        byte[] euro = Encoding.UTF8.GetBytes("€"); // three bytes
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.Body.WriteAsync(euro.AsMemory(0, 1));
            await ctx.Response.Body.FlushAsync();
            await ctx.Response.Body.WriteAsync(euro.AsMemory(1));
            await ctx.Response.Body.WriteAsync("5\n"u8.ToArray());
        });
        using var response = await Requests.GetAsync(server.Url("/"), stream: true);

        Assert.That(response.IterLines().ToList(), Is.EqualTo(new[] { "€5" }));
    }
}
