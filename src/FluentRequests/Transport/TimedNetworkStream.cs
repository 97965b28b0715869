using System.Net.Sockets;

namespace FluentRequests;

/// <summary>
/// The stream of every connection the shared handler opens. A synchronous read of a response body cannot be
/// given a token, and disposing the response from a timer neither wakes a blocked socket read nor stops a read
/// on a disposed stream from reporting a false end of body. So a sync body read marks its thread
/// (<see cref="SyncBodyRead"/>); sync reads run on the caller's thread down to the socket (through TLS, chunked and
/// length-framed streams), and here each socket read on such a thread first waits for data with
/// <see cref="Socket.Poll(int, SelectMode)"/>, bounded by the read timeout and checking the exchange's token.
/// </summary>
/// <remarks>
/// Still a <see cref="NetworkStream"/>: the handler looks for one to reach the socket (e.g. its check that an
/// idle connection is still usable). A read that gives up shuts the socket down: a connection that stopped mid-body
/// cannot be drained or reused.
/// </remarks>
internal sealed class TimedNetworkStream(Socket socket) : NetworkStream(socket, ownsSocket: true)
{
    private const int SliceMilliseconds = 50;

    [ThreadStatic]
    private static Exchange? t_syncBodyRead;

    /// <summary>The exchange whose body the current thread is reading synchronously, or <c>null</c>.</summary>
    public static Exchange? SyncBodyRead
    {
        get => t_syncBodyRead;
        set => t_syncBodyRead = value;
    }

    // NetworkStream's span overloads fall back to Stream's (a rented array and a copy per call) in any subclass,
    // in case it overrode only the array overloads: these go to the socket as NetworkStream's own do.
    public override int Read(Span<byte> buffer)
    {
        // A zero-byte read (TLS makes them) is a wait for data: bounded too.
        if (t_syncBodyRead is { } exchange) WaitUntilReadable(exchange);
        try
        {
            return Socket.Receive(buffer, SocketFlags.None);
        }
        catch (SocketException e)
        {
            throw new IOException($"Unable to read data from the transport connection: {e.Message}.", e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            Socket.Send(buffer, SocketFlags.None);
        }
        catch (SocketException e)
        {
            throw new IOException($"Unable to write data to the transport connection: {e.Message}.", e);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    private void WaitUntilReadable(Exchange exchange)
    {
        var token = exchange.Token;
        if (token.IsCancellationRequested) Abort(exchange, null);
        // Data already waiting is the common case: one poll that returns at once.
        if (Socket.Poll(0, SelectMode.SelectRead)) return;
        TimeSpan? limit = exchange.Timeout.Read;
        long deadline = limit is { } l ? Environment.TickCount64 + (long)Math.Ceiling(l.TotalMilliseconds) : long.MaxValue;
        while (true)
        {
            if (token.IsCancellationRequested) Abort(exchange, null);
            long left = deadline - Environment.TickCount64;
            if (left <= 0) Abort(exchange, limit);
            if (Socket.Poll((int)Math.Min(left, SliceMilliseconds) * 1000, SelectMode.SelectRead)) return;
        }
    }

    private void Abort(Exchange exchange, TimeSpan? timedOutAfter)
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to stop.
        }
        if (timedOutAfter is { } limit)
        {
            exchange.OnReadTimedOut();
            throw new ReadTimeoutSignal(limit);
        }
        throw new OperationCanceledException("The response body read was cancelled.", exchange.Token);
    }
}
