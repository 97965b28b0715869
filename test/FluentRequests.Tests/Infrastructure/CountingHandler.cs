using System.Collections.Concurrent;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A <see cref="DelegatingHandler"/> that records every request passing through it (sync and async) before handing it
/// to the real handler under it: proof that a hop went through a caller's pipeline. Not a mock: it sends.
/// </summary>
public sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<string> _hops = new();
    private int _disposed;

    /// <summary>Each request sent, as "SYNC GET http://…" or "ASYNC GET http://…", in order.</summary>
    public IReadOnlyList<string> Hops => _hops.ToList();

    /// <summary>Only the URLs of <see cref="Hops"/>.</summary>
    public IReadOnlyList<string> Urls => _hops.Select(h => h[(h.LastIndexOf(' ') + 1)..]).ToList();

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _hops.Enqueue($"SYNC {request.Method} {request.RequestUri}");
        return base.Send(request, cancellationToken);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _hops.Enqueue($"ASYNC {request.Method} {request.RequestUri}");
        return base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        Interlocked.Exchange(ref _disposed, 1);
        base.Dispose(disposing);
    }
}
