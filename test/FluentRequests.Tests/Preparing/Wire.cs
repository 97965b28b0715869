using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using WireMock;

namespace FluentRequests.Tests.Preparing;

/// <summary>Reads what a server received: WireMock's header dictionary is case-sensitive, HTTP is not.</summary>
internal static class Wire
{
    /// <summary>The value of a received header, any case, repeated names joined with ", "; <c>null</c> when absent.</summary>
    public static string? Header(this IRequestMessage message, string name)
    {
        var values = (message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value)
            .ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    /// <summary>The received body as bytes (empty when there was none).</summary>
    public static byte[] Bytes(this IRequestMessage message) => message.BodyAsBytes ?? [];
}

/// <summary>One request as an in-process Kestrel server saw it, raw framing headers included.</summary>
internal sealed record Captured(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>A Kestrel server that records every request (headers and the de-chunked body) and answers 200 "ok".</summary>
internal sealed class CapturingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Captured> _received = new();
    private KestrelServer _server = null!;

    public IReadOnlyList<Captured> Received => _received.ToList();

    public static async Task<CapturingServer> StartAsync()
    {
        var capturing = new CapturingServer();
        capturing._server = await KestrelServer.StartAsync(async ctx =>
        {
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            capturing._received.Enqueue(new Captured(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, headers, body.ToArray()));
            await ctx.Response.WriteAsync("ok");
        });
        return capturing;
    }

    public string Url(string path) => _server.Url(path);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
