using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Infrastructure;

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
