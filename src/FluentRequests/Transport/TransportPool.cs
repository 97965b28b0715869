using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests;

/// <summary>
/// The process-wide pool of transports, one per <see cref="TransportKey"/>. A transport lives as long as it is used:
/// that is what lets a loop of <c>Requests.Get</c> reuse connections instead of exhausting sockets. TLS settings,
/// client certificates, proxies and HTTP/2 each select a pool here; nothing else creates a handler. The default
/// transport is never closed; the others are once more than 64 exist and they have been unused for 5 minutes.
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
            ConnectCallback = ConnectWithTimeoutAsync,
            UseProxy = key.Proxy is not null,
            Proxy = key.Proxy is null ? null : ProxyFactory.Create(key.Proxy),
        };
        ConfigureTls(handler.SslOptions, key);
        return new Transport(new HttpMessageInvoker(handler, disposeHandler: true), key);
    }

    private static void ConfigureTls(SslClientAuthenticationOptions ssl, TransportKey key)
    {
        if (!key.Verify.Enabled)
        {
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (key.Verify.CaBundlePath is { } bundle)
        {
            var roots = CaBundle.Load(bundle);
            ssl.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            ssl.CertificateChainPolicy.CustomTrustStore.AddRange(roots);
        }
        if (key.Cert is { } cert)
        {
            ssl.ClientCertificates = [ClientCertLoader.Load(cert)];
        }
    }

    /// <summary>
    /// Connects with the connect timeout of the request that asked for the connection. One handler serves
    /// every timeout value: the limit travels with the request, not with the handler.
    /// </summary>
    private static async ValueTask<Stream> ConnectWithTimeoutAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var exchange = Exchange.Of(context.InitialRequestMessage);
        var limit = exchange?.Timeout.Connect;
        exchange?.OnConnecting();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit is { } l) timer.CancelAfter(l);
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, timer.Token).ConfigureAwait(false);
            exchange?.OnConnected();
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectTimeoutSignal(context.DnsEndPoint, limit!.Value);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A pooled handler and the key that selected it.</summary>
internal sealed class Transport(HttpMessageInvoker invoker, TransportKey key)
{
    public HttpMessageInvoker Invoker { get; } = invoker;

    public TransportKey Key { get; } = key;
}

/// <summary>Thrown inside the connect callback when the connect timeout fires; mapped to <see cref="ConnectTimeoutException"/>.</summary>
internal sealed class ConnectTimeoutSignal(DnsEndPoint endPoint, TimeSpan limit)
    : IOException($"Connecting to {endPoint.Host}:{endPoint.Port} timed out after {RequestTimeout.Describe(limit)}")
{
    public TimeSpan Limit { get; } = limit;
}
