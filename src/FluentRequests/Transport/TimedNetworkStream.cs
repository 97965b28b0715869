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
/// <para>Still a <see cref="NetworkStream"/>: the handler looks for one to reach the socket (e.g. its check that an
/// idle connection is still usable). A read that gives up shuts the socket down: a connection that stopped mid-body
/// cannot be drained or reused.</para>
/// <para>A server may answer (413, 401, 503) before reading the body and close: the upload then fails with a broken
/// pipe or a reset, and the handler, which writes the whole body before it reads, would drop the response waiting in
/// the socket. So a write that finds the peer gone is remembered and the rest of that request's writes are discarded
/// (the connection is dead: not one more byte can reach the server), and the handler goes on to read the response.
/// If none arrives, the read fails with <see cref="UploadBrokenSignal"/> naming the write error. Once the response
/// has been read, any write fails: the connection can never carry another request.</para>
/// </remarks>
internal sealed class TimedNetworkStream(Socket socket) : NetworkStream(socket, ownsSocket: true)
{
    private const int SliceMilliseconds = 50;

    [ThreadStatic]
    private static Exchange? t_syncBodyRead;

    // The write error that showed the peer gone, once one did; then whether a read came since, and got any byte.
    private volatile SocketException? _writeBroken;
    private volatile bool _readSinceBroken;
    private volatile bool _receivedSinceBroken;

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
        if (_writeBroken is not null) _readSinceBroken = true;
        int read;
        try
        {
            read = Socket.Receive(buffer, SocketFlags.None);
        }
        catch (SocketException e)
        {
            throw ReadFailed(e);
        }
        return Received(read, buffer.Length);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => _writeBroken is null ? base.ReadAsync(buffer, cancellationToken) : ReadAfterBrokenWriteAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    private async ValueTask<int> ReadAfterBrokenWriteAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _readSinceBroken = true;
        int read;
        try
        {
            read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SocketException socketError)
        {
            throw ReadFailed(socketError);
        }
        return Received(read, buffer.Length);
    }

    /// <summary>A read's error; after a broken write with nothing received since, the write error is what matters.</summary>
    private IOException ReadFailed(SocketException e)
        => _writeBroken is { } broken && !_receivedSinceBroken
            ? new UploadBrokenSignal(broken, e)
            : new IOException($"Unable to read data from the transport connection: {e.Message}.", e);

    private int Received(int read, int asked)
    {
        if (_writeBroken is { } broken)
        {
            if (read > 0) _receivedSinceBroken = true;
            else if (asked > 0 && !_receivedSinceBroken) throw new UploadBrokenSignal(broken, null);
        }
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (SkipWrite()) return;
        try
        {
            Socket.Send(buffer, SocketFlags.None);
        }
        catch (SocketException e) when (IsPeerGone(e.SocketErrorCode))
        {
            _writeBroken = e;
        }
        catch (SocketException e)
        {
            throw WriteFailed(e);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (SkipWrite()) return ValueTask.CompletedTask;
        var write = base.WriteAsync(buffer, cancellationToken);
        return write.IsCompletedSuccessfully ? write : AwaitWriteAsync(write);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    private async ValueTask AwaitWriteAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SocketException socketError && IsPeerGone(socketError.SocketErrorCode))
        {
            _writeBroken = socketError;
        }
    }

    /// <summary>
    /// Whether a write is to be dropped: the peer went away during this request's upload. After the response has
    /// been read, the connection is done: a write (another request) fails with the original error.
    /// </summary>
    private bool SkipWrite()
    {
        if (_writeBroken is not { } broken) return false;
        if (_readSinceBroken) throw WriteFailed(broken);
        return true;
    }

    // EPIPE (SocketError.Shutdown on Unix) or a reset: the peer closed; nothing more can reach it on this connection.
    private static bool IsPeerGone(SocketError error)
        => error is SocketError.Shutdown or SocketError.ConnectionReset or SocketError.ConnectionAborted;

    private static IOException WriteFailed(SocketException e)
        => new($"Unable to write data to the transport connection: {e.Message}.", e);

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
