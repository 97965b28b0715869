using System.Net;
using System.Net.Sockets;

namespace FluentRequests;

/// <summary>
/// The shared handlers' connect callback: opens the TCP connection for the request that asked for it, bounded by
/// that request's connect timeout (one handler serves every timeout value: the limit travels with the request).
/// </summary>
/// <remarks>
/// A synchronous send connects with blocking calls bounded by <see cref="Socket.Poll(int, SelectMode)"/>, so the
/// connect itself needs no thread-pool thread to complete. SocketsHttpHandler still starts every new HTTP/1.1
/// connection from a thread-pool work item (since .NET 8 connection attempts are decoupled from requests), so a
/// sync call that needs a new connection waits for one pool thread to pick the attempt up; the connect, TLS aside,
/// then runs on that thread without further hops. docs/performance.md measures it under a starved pool.
/// </remarks>
internal static class SocketConnector
{
    private const int SliceMilliseconds = 50;

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var exchange = Exchange.Of(context.InitialRequestMessage);
        var limit = exchange?.Timeout.Connect;
        exchange?.OnConnecting();
        var socket = exchange is { IsSync: true }
            ? Connect(context.DnsEndPoint, limit, exchange.Token, cancellationToken)
            : await ConnectAsync(context.DnsEndPoint, limit, cancellationToken).ConfigureAwait(false);
        exchange?.OnConnected();
        return new TimedNetworkStream(socket);
    }

    private static async ValueTask<Socket> ConnectAsync(DnsEndPoint endPoint, TimeSpan? limit, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit is { } l) timer.CancelAfter(l);
        try
        {
            await socket.ConnectAsync(endPoint, timer.Token).ConfigureAwait(false);
            return socket;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ConnectTimeoutSignal(endPoint, limit!.Value);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Connects on the calling thread: each address in turn, a non-blocking connect awaited with
    /// <see cref="Socket.Poll(int, SelectMode)"/> in short slices against one deadline for the whole connect,
    /// checking the request's and the handler's tokens on every slice.
    /// </summary>
    private static Socket Connect(DnsEndPoint endPoint, TimeSpan? limit, CancellationToken requestToken, CancellationToken handlerToken)
    {
        long deadline = limit is { } l ? Environment.TickCount64 + (long)Math.Ceiling(l.TotalMilliseconds) : long.MaxValue;
        IPAddress[] addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : Dns.GetHostAddresses(endPoint.Host);
        SocketException? failure = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Blocking = false;
                try
                {
                    socket.Connect(address, endPoint.Port);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
                {
                    WaitUntilConnected(socket, endPoint, limit, deadline, requestToken, handlerToken);
                }
                socket.Blocking = true;
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw failure ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static void WaitUntilConnected(Socket socket, DnsEndPoint endPoint, TimeSpan? limit, long deadline,
        CancellationToken requestToken, CancellationToken handlerToken)
    {
        while (true)
        {
            requestToken.ThrowIfCancellationRequested();
            handlerToken.ThrowIfCancellationRequested();
            long left = deadline - Environment.TickCount64;
            if (left <= 0) throw new ConnectTimeoutSignal(endPoint, limit!.Value);
            if (socket.Poll((int)Math.Min(left, SliceMilliseconds) * 1000, SelectMode.SelectWrite)) break;
        }
        // Writable means the attempt ended; SO_ERROR says whether it failed (.NET maps it to a SocketError).
        var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (error != SocketError.Success) throw new SocketException((int)error);
    }
}
