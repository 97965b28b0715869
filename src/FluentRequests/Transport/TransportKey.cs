namespace FluentRequests;

/// <summary>
/// The settings that need a connection pool of their own. Requests that agree on all of them share one
/// <see cref="Transport"/> (one <see cref="System.Net.Http.SocketsHttpHandler"/>) across every session.
/// </summary>
/// <param name="Verify">Certificate verification.</param>
/// <param name="Cert">The client certificate, if any.</param>
/// <param name="Proxy">The proxy URL, or <c>null</c> for a direct connection.</param>
/// <param name="Http2">
/// Whether HTTP/2 or later is requested: such requests get a handler of their own, tuned for multiplexing (see
/// <see cref="TransportPool"/>), and the default handler stays as it is for HTTP/1.1.
/// </param>
internal readonly record struct TransportKey(Verify Verify, ClientCert? Cert, string? Proxy, bool Http2)
{
    /// <summary>The handler's limit on response headers (a handler setting, so sessions that change it get a pool of their own).</summary>
    public int MaxResponseHeadersBytes { get; init; } = ResponseLimits.MaxResponseHeadersBytes;

    public static readonly TransportKey Default = new(Verify.System, null, null, false);
}
