namespace FluentRequests;

/// <summary>
/// The response body as users read it: every read is bounded by the read timeout, and every failure is
/// mapped into the exception tree (a read timeout mid-stream is a <see cref="ReadTimeoutException"/>).
/// </summary>
/// <remarks>
/// A streamed body stops the timer after each read, since the caller may pause between reads for as long as it
/// likes. A body read to the end at once (<paramref name="readToEnd"/>) keeps it running between reads: each read
/// re-arms it anyway, and touching the shared timer queue twice per read costs throughput under load.
/// </remarks>
internal sealed class GuardedBodyStream(Stream inner, Exchange exchange, PreparedRequest request, bool readToEnd = false) : ReadOnlyStream
{


    public override int Read(Span<byte> buffer)
    {
        exchange.BeforeRead();
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception e) when (e is not RequestException)
        {
            throw ExceptionMapper.MapBodyError(e, request, exchange);
        }
        finally
        {
            if (!readToEnd) exchange.AfterRead();
        }
    }


    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        exchange.BeforeRead();
        try
        {
            if (!cancellationToken.CanBeCanceled) return await inner.ReadAsync(buffer, exchange.Token).ConfigureAwait(false);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(exchange.Token, cancellationToken);
            return await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not RequestException)
        {
            throw ExceptionMapper.MapBodyError(e, request, exchange);
        }
        finally
        {
            if (!readToEnd) exchange.AfterRead();
        }
    }


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
