using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// The response body as users read it: every read is bounded by the read timeout, and every failure is
/// mapped into the exception tree (a read timeout mid-stream is a <see cref="ReadTimeoutException"/>). A body is
/// complete or the read throws: once the timer or the caller's token fired, or before a declared length was
/// reached, a read never reports the end of the body.
/// </summary>
/// <remarks>
/// Asynchronous reads pass the exchange's token, which the read timer cancels. A streamed body stops the timer
/// after each read, since the caller may pause between reads for as long as it likes. A body read to the end at
/// once (<paramref name="readToEnd"/>) keeps it running between reads: each read re-arms it anyway, and touching
/// the shared timer queue twice per read costs throughput under load. Synchronous reads take no token: they mark
/// the thread, and <see cref="TimedNetworkStream"/> bounds each socket read (no timer at all). Where no such stream is
/// under the read (a caller's handler, HTTP/2), the timer runs and its firing disposes the response
/// (<see cref="Exchange.WatchesSyncReads"/>).
/// <paramref name="declaredLength"/> is the Content-Length when this stream yields the bytes it counts (no
/// decoding, no chunked framing); reads stop there, also when the handler did not frame the body by it (a
/// repeated value, <c>5, 5</c>, which it reads to the connection's close).
/// Over a decoder, <see cref="Wire"/> counts the encoded bytes beneath it, and the decoded bytes may not outgrow
/// them by more than <see cref="MaxDecompressionRatio"/> once past <see cref="ResponseLimits.DecompressionRatioFloor"/>.
/// </remarks>
internal sealed class GuardedBodyStream(Stream inner, Exchange exchange, PreparedRequest request, long? declaredLength, bool readToEnd = false)
    : ReadOnlyStream
{
    private long _received;

    /// <summary>Counts the encoded bytes under the decoder, when this stream reads through one.</summary>
    public CountingStream? Wire { get; init; }

    /// <summary>The most decoded bytes per byte in <see cref="Wire"/>, or <c>null</c> for no limit.</summary>
    public double? MaxDecompressionRatio { get; init; }

    /// <summary>The body bytes received from the server so far, as sent (still encoded, if they were).</summary>
    public long WireBytes => Wire?.Count ?? _received;

    public override int Read(Span<byte> buffer)
    {
        if (declaredLength is { } length && length - _received < buffer.Length) buffer = buffer[..(int)(length - _received)];
        var outer = TimedNetworkStream.SyncBodyRead;
        TimedNetworkStream.SyncBodyRead = exchange;
        bool watched = exchange.WatchesSyncReads;
        if (watched) exchange.BeforeSyncRead();
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (Exception e) when (e is not RequestException)
        {
            throw ExceptionMapper.MapBodyError(e, request, exchange, _received, declaredLength);
        }
        finally
        {
            TimedNetworkStream.SyncBodyRead = outer;
            if (watched && !readToEnd) exchange.AfterRead();
        }
        return Checked(n, buffer.Length, default);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (declaredLength is { } length && length - _received < buffer.Length) buffer = buffer[..(int)(length - _received)];
        exchange.BeforeRead();
        int n;
        try
        {
            if (!cancellationToken.CanBeCanceled)
            {
                n = await inner.ReadAsync(buffer, exchange.Token).ConfigureAwait(false);
            }
            else
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(exchange.Token, cancellationToken);
                n = await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not RequestException)
        {
            throw ExceptionMapper.MapBodyError(e, request, exchange, _received, declaredLength);
        }
        finally
        {
            if (!readToEnd) exchange.AfterRead();
        }
        return Checked(n, buffer.Length, cancellationToken);
    }

    /// <summary>An end of body is believed only when nothing was cancelled and the declared length, if any, was reached.</summary>
    private int Checked(int n, int requested, CancellationToken readToken)
    {
        if (n > 0)
        {
            _received += n;
            if (MaxDecompressionRatio is { } ratio && _received > ResponseLimits.DecompressionRatioFloor && _received > ratio * Wire!.Count)
            {
                throw DecompressionBomb(ratio);
            }
            return n;
        }
        if (requested == 0 || _received == declaredLength) return 0;
        readToken.ThrowIfCancellationRequested();
        if (exchange.Token.IsCancellationRequested)
        {
            throw ExceptionMapper.MapBodyError(new IOException("The body read was interrupted."), request, exchange, _received, declaredLength);
        }
        if (declaredLength is { } expected && _received < expected)
        {
            throw ExceptionMapper.IncompleteRead(request, _received, expected);
        }
        return 0;
    }

    private DecompressionLimitException DecompressionBomb(double ratio)
        => new($"The response body from {request.DisplayUrl} decoded to {_received} bytes from {Wire!.Count} bytes received, more than "
               + $"Session.MaxDecompressionRatio ({ratio}:1) allows: a decompression bomb? Set the session's MaxDecompressionRatio to null to lift the limit.",
            ratio, request);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            exchange.Dispose();
        }
        base.Dispose(disposing);
    }
}
