using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace FluentRequests;

/// <summary>
/// Requests' InsecureRequestWarning for a transport that does not verify certificates: one
/// <see cref="FluentRequestsEventSource.InsecureRequest"/> event per host, the first time a request goes
/// there while someone listens (a listener attached later still hears about each host once).
/// </summary>
internal sealed class InsecureRequestWarning(string transport)
{
    // Bounds the memory of a transport that talks to endless hosts; past it, new hosts are not reported.
    private const int MaxHosts = 1024;

    private readonly ConcurrentDictionary<string, byte> _warned = new(StringComparer.OrdinalIgnoreCase);

    public void Note(PreparedRequest request)
    {
        if (!FluentRequestsEventSource.Log.IsEnabled(EventLevel.Warning, EventKeywords.All)) return;
        var uri = request.Uri;
        if (uri.Scheme != Uri.UriSchemeHttps) return;
        string host = uri.Authority;
        if (_warned.ContainsKey(host) || _warned.Count >= MaxHosts) return;
        if (_warned.TryAdd(host, 0)) FluentRequestsEventSource.Log.InsecureRequest(host, transport);
    }
}
