using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// The encoded bytes one decoder reads: tells whether it asked for more after the body's end, and can stand in one
/// probe byte after that end, so <see cref="ZLibDecodingStream"/> learns whether the decoder had finished.
/// </summary>
internal sealed class DecoderInput(Stream inner) : ReadOnlyStream
{
    private const int NotProbing = -1;
    private int _probe = NotProbing;

    /// <summary>The encoded bytes handed to the decoder.</summary>
    public long Count { get; private set; }

    /// <summary>Whether the decoder asked for more bytes when there were none left.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>Whether the decoder asked for more bytes after taking the probe byte.</summary>
    public bool AskedPastProbe { get; private set; }

    /// <summary>From now on, reads no more from the body: the next read gets <paramref name="value"/>, later ones nothing.</summary>
    public void Probe(byte value) => _probe = value;

    public override int Read(Span<byte> buffer)
    {
        if (_probe != NotProbing) return ReadProbe(buffer);
        int n = inner.Read(buffer);
        return Counted(n, buffer.Length);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_probe != NotProbing) return ReadProbe(buffer.Span);
        int n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Counted(n, buffer.Length);
    }

    private int Counted(int n, int requested)
    {
        Count += n;
        if (n == 0 && requested > 0) ReachedEnd = true;
        return n;
    }

    private int ReadProbe(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_probe > byte.MaxValue)
        {
            AskedPastProbe = true;
            return 0;
        }
        buffer[0] = (byte)_probe;
        _probe = byte.MaxValue + 1;
        return 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
