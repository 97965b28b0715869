using System.IO.Compression;

namespace FluentRequests;

/// <summary>
/// "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate; like urllib3, accept both,
/// telling them apart by the zlib header in the first two bytes.
/// </summary>
internal sealed class DeflateEitherStream(Stream inner) : ReadOnlyStream
{
    private Stream? _decoder;

    public override int Read(Span<byte> buffer)
    {
        if (_decoder is null)
        {
            var header = new byte[2];
            int n = 0;
            while (n < 2)
            {
                int read = inner.Read(header, n, 2 - n);
                if (read == 0) break;
                n += read;
            }
            _decoder = Choose(header, n);
        }
        return _decoder.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_decoder is null)
        {
            var header = new byte[2];
            int n = 0;
            while (n < 2)
            {
                int read = await inner.ReadAsync(header.AsMemory(n, 2 - n), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                n += read;
            }
            _decoder = Choose(header, n);
        }
        return await _decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    private Stream Choose(byte[] header, int length)
    {
        var prefixed = new PrefixedStream(header.AsMemory(0, length), inner);
        bool zlib = length == 2 && (header[0] & 0x0F) == 8 && ((header[0] << 8) | header[1]) % 31 == 0;
        return zlib ? new ZLibStream(prefixed, CompressionMode.Decompress) : new DeflateStream(prefixed, CompressionMode.Decompress);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder?.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Replays the bytes already read to sniff the format, then continues with the rest.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer);
            int n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.IsEmpty) return rest.ReadAsync(buffer, cancellationToken);
            return new ValueTask<int>(Read(buffer.Span));
        }
    }
}
