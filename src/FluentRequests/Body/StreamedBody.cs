using System.Buffers;
using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// The body of a response as it comes off the connection: opened once, decoded (Content, IterContent, CopyTo,
/// SaveTo) or undecoded (Raw), or read whole into memory within <see cref="Session.MaxResponseBytes"/>. Owns the
/// exchange (and so the connection) until a stream it opened, or itself, is disposed.
/// </summary>
/// <param name="network">The body stream the handler gives, still encoded.</param>
/// <param name="codings">The Content-Encoding codings to undo, or <c>null</c>.</param>
/// <param name="wireLength">The Content-Length the bytes on the wire must reach, when it frames the body.</param>
/// <param name="exchange">The exchange the body belongs to.</param>
/// <param name="request">The request, for error messages.</param>
/// <param name="maxBufferedBytes">The most bytes <see cref="ReadAllAsync(bool, CancellationToken)"/> holds, or <c>null</c> for no limit.</param>
/// <param name="maxDecompressionRatio">The most decoded bytes per received byte of an encoded body, or <c>null</c>.</param>
internal sealed class StreamedBody(
    Stream network, List<string>? codings, long? wireLength, Exchange exchange, PreparedRequest request,
    long? maxBufferedBytes, double? maxDecompressionRatio) : IDisposable
{
    private const int MaxExactBuffer = 64 * 1024 * 1024;

    /// <summary>The body's length as sent (encoded, if it is), when the server declared it.</summary>
    public long? WireLength => wireLength;

    /// <param name="readToEnd">Whether the whole body is read at once (keeps the read timer running between reads).</param>
    public GuardedBodyStream OpenDecoded(bool readToEnd = false)
        => OpenDecoded(network, codings, wireLength, exchange, request, maxDecompressionRatio, readToEnd);

    private static GuardedBodyStream OpenDecoded(
        Stream network, List<string>? codings, long? wireLength, Exchange exchange, PreparedRequest request, double? maxDecompressionRatio, bool readToEnd)
    {
        if (codings is null) return new GuardedBodyStream(network, exchange, request, wireLength, readToEnd);
        // A declared length counts encoded bytes: it can only be checked where they are counted, under the decoder.
        var wire = new CountingStream(network);
        return new GuardedBodyStream(ContentDecoding.Decode(wire, codings), exchange, request, declaredLength: null, readToEnd)
        {
            Wire = wire,
            MaxDecompressionRatio = maxDecompressionRatio,
        };
    }

    public GuardedBodyStream OpenRaw() => new(network, exchange, request, wireLength);

    /// <summary>Reads the whole decoded body into one array, within the buffered-bytes limit, and releases the connection.</summary>
    /// <exception cref="ResponseTooLargeException">The body is larger than the limit: before reading when Content-Length says so.</exception>
    public ValueTask<byte[]> ReadAllAsync(bool async, CancellationToken cancellationToken)
        => ReadAllAsync(network, codings, wireLength, exchange, request, maxBufferedBytes, maxDecompressionRatio, async, cancellationToken);

    /// <summary>
    /// <see cref="ReadAllAsync(bool, CancellationToken)"/> without a <see cref="StreamedBody"/>: the buffered path reads the
    /// body at once, so it needs no object to hold it. The caller disposes <paramref name="network"/> and <paramref name="exchange"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<byte[]> ReadAllAsync(
        Stream network, List<string>? codings, long? wireLength, Exchange exchange, PreparedRequest request,
        long? maxBufferedBytes, double? maxDecompressionRatio, bool async, CancellationToken cancellationToken)
    {
        long? declaredLength = codings is null ? wireLength : null;
        long limit = maxBufferedBytes ?? long.MaxValue;
        var body = OpenDecoded(network, codings, wireLength, exchange, request, maxDecompressionRatio, readToEnd: true);
        try
        {
            if (declaredLength > limit) throw TooLarge(request, limit, $"its Content-Length is {declaredLength}");
            if (declaredLength == 0) return [];
            if (declaredLength is > 0 and <= MaxExactBuffer)
            {
                var exact = new byte[declaredLength.Value];
                int filled = 0;
                while (filled < exact.Length)
                {
                    int n = async ? await body.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false) : body.Read(exact.AsSpan(filled));
                    if (n == 0) throw ExceptionMapper.IncompleteRead(request, filled, exact.Length);
                    filled += n;
                }
                return exact;
            }
            return await ReadGrowingAsync(body, request, limit, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (async) await body.DisposeAsync().ConfigureAwait(false);
            else body.Dispose();
        }
    }

    public void Dispose()
    {
        network.Dispose();
        exchange.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<byte[]> ReadGrowingAsync(
        GuardedBodyStream body, PreparedRequest request, long limit, bool async, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        int count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                // Never more than one byte past the limit: enough to know it was passed.
                long left = limit - count;
                var room = buffer.AsMemory(count, left >= buffer.Length - count ? buffer.Length - count : (int)left + 1);
                int n = async ? await body.ReadAsync(room, cancellationToken).ConfigureAwait(false) : body.Read(room.Span);
                if (n == 0) break;
                count += n;
                if (count > limit) throw TooLarge(request, limit, $"more than {limit} bytes arrived");
            }
            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ResponseTooLargeException TooLarge(PreparedRequest request, long limit, string why)
        => new($"The response body from {request.DisplayUrl} is larger than Session.MaxResponseBytes ({limit} bytes): {why}. "
               + "Stream it (stream: true, then SaveTo, CopyTo or IterChunks) or raise the limit.", limit, request);
}
