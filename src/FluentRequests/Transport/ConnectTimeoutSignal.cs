using System.Net;

namespace FluentRequests;

/// <summary>Thrown inside the connect callback when the connect timeout fires; mapped to <see cref="ConnectTimeoutException"/>.</summary>
internal sealed class ConnectTimeoutSignal(DnsEndPoint endPoint, TimeSpan limit)
    : IOException($"Connecting to {endPoint.Host}:{endPoint.Port} timed out after {RequestTimeout.Describe(limit)}")
{
    public TimeSpan Limit { get; } = limit;
}
