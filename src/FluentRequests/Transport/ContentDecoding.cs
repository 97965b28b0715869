using System.IO.Compression;

namespace FluentRequests;

/// <summary>
/// Decodes a body by its Content-Encoding (gzip, deflate, br; unknown codings are left as they are, as urllib3
/// does). Done here rather than by the handler's automatic decompression because the handler rewrites the
/// request's Accept-Encoding (a user's <c>identity</c> becomes <c>identity, gzip, deflate, br</c>) and hides
/// Content-Encoding from the response; Requests does neither.
/// </summary>
internal static class ContentDecoding
{
    /// <summary>The codings of a response, in the order they were applied, or <c>null</c> when there are none to undo.</summary>
    public static List<string>? Codings(HttpResponseMessage response)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Encoding", out var values)) return null;
        List<string>? codings = null;
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string coding = part.ToLowerInvariant();
                if (coding is "identity") continue;
                (codings ??= new List<string>()).Add(coding);
            }
        }
        return codings;
    }

    public static Stream Decode(Stream body, List<string>? codings)
    {
        if (codings is null) return body;
        for (int i = codings.Count - 1; i >= 0; i--)
        {
            body = codings[i] switch
            {
                "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress),
                "deflate" => new DeflateEitherStream(body),
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                _ => body,
            };
        }
        return body;
    }
}

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

/// <summary>The body of a streamed response: read decoded (Content, IterContent) or undecoded (Raw), once.</summary>
internal sealed class StreamedBody(Stream network, List<string>? codings, long? wireLength, Exchange exchange, PreparedRequest request)
{
    public Stream OpenDecoded()
        => new GuardedBodyStream(ContentDecoding.Decode(network, codings), exchange, request, codings is null ? wireLength : null);

    public Stream OpenRaw() => new GuardedBodyStream(network, exchange, request, wireLength);
}
