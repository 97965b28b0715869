using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace FluentRequests;

/// <summary>
/// The process-wide pool of transports, one per <see cref="TransportKey"/>. A transport lives as long as it is used:
/// that is what lets a loop of <c>Requests.Get</c> reuse connections instead of exhausting sockets. TLS verification,
/// the client certificate, the proxy and the response-header limit select a pool here; nothing else creates a handler.
/// The default transport is never closed; the others are once more than 64 exist and they have been unused for 5 minutes.
/// </summary>
internal static class TransportPool
{
    private static readonly TransportCache Pool = new(Create, sweepAbove: 64, idleLimit: TimeSpan.FromMinutes(5));
    private static readonly Transport DefaultTransport = Create(TransportKey.Default);

    public static Transport Get(in TransportKey key)
        => key == TransportKey.Default ? DefaultTransport : Pool.Get(key);

    private static Transport Create(TransportKey key)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // Bodies are decoded by ContentDecoding, so Accept-Encoding goes out exactly as the user set it.
            AutomaticDecompression = DecompressionMethods.None,
            // Rotate connections so DNS changes are seen by long-lived sessions.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            MaxConnectionsPerServer = int.MaxValue,
            // The handler counts in KiB: a limit between two KiB is rounded up.
            MaxResponseHeadersLength = (int)(((long)key.MaxResponseHeadersBytes + 1023) / 1024),
            ConnectCallback = SocketConnector.ConnectAsync,
            UseProxy = key.Proxy is not null,
            Proxy = key.Proxy is null ? null : ProxyFactory.Create(key.Proxy),
        };
        if (key.Http2)
        {
            // Every request to an origin shares one multiplexed connection: a connection that went silent would stall them
            // all, so it is pinged while requests are open; past the server's stream limit another connection opens
            // rather than requests queueing behind it.
            handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests;
            handler.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            handler.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            handler.EnableMultipleHttp2Connections = true;
        }
        ConfigureTls(handler.SslOptions, key);
        return new Transport(new HttpMessageInvoker(handler, disposeHandler: true), key);
    }

    private static void ConfigureTls(SslClientAuthenticationOptions ssl, TransportKey key) => TlsConfiguration.Apply(ssl, key);
}
