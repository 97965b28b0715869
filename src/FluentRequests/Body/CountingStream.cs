using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// Counts the bytes read through it: placed under a decoder, it tells how many bytes of an encoded body came off
/// the wire (for the decompression ratio and for download progress).
/// </summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    public long Count { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        Count += n;
        return n;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
