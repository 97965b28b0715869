using System.Diagnostics.Tracing;

namespace FluentRequests;

/// <summary>
/// The library's diagnostics events, under the EventSource name <c>FluentRequests</c>: listen with an
/// <see cref="EventListener"/>, <c>dotnet-trace</c> or <c>dotnet-counters</c>, or bridge them to ILogger.
/// Event names and payload names are part of the public contract (docs/tls-and-proxies.md).
/// </summary>
[EventSource(Name = "FluentRequests")]
internal sealed class FluentRequestsEventSource : EventSource
{
    public const int InsecureRequestEventId = 1;

    public static readonly FluentRequestsEventSource Log = new();

    private FluentRequestsEventSource()
    {
    }

    /// <summary>
    /// Requests' InsecureRequestWarning: an https request is sent without certificate verification. Written once
    /// per transport (pooled handler) and host, not for every request.
    /// </summary>
    /// <param name="host">The host and port, e.g. <c>internal.example:8443</c>.</param>
    /// <param name="transport">Which pooled transport: its settings, never credentials.</param>
    [Event(InsecureRequestEventId, Level = EventLevel.Warning,
        Message = "Unverified HTTPS request is being made to host '{0}' ({1}). Adding certificate verification is strongly advised.")]
    public void InsecureRequest(string host, string transport) => WriteEvent(InsecureRequestEventId, host, transport);
}
