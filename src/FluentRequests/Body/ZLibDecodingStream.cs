using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// Decodes gzip or deflate, and throws when the encoded body ends before the decoder finished: GZipStream and
/// DeflateStream just report the end of a truncated stream (a body cut short with a Content-Length that matches
/// what was sent decodes to part of the text, no error), and zlib's state is not public. What it does is visible
/// from the input side. DeflateStream reads no more input once its stream ended, so reading the end of the input
/// means it had not. GZipStream reads past every finished member to look for another, so reaching the end says
/// nothing: then one probe byte that cannot start a member is offered. A finished decoder takes it, sees no member
/// and stops; an unfinished one consumes it as more data, and decodes something from it, rejects it, or asks for
/// more. Nothing of this runs until the decoder reports the end: the decoded bytes pass through untouched.
/// </summary>
internal sealed class ZLibDecodingStream : ReadOnlyStream
{
    private const byte NotAGzipMember = 0x00;
    private readonly Stream _decoder;
    private readonly DecoderInput _input;
    private readonly string _coding;
    private bool? _complete;

    private ZLibDecodingStream(Stream decoder, DecoderInput input, string coding)
    {
        _decoder = decoder;
        _input = input;
        _coding = coding;
    }

    /// <summary>Decodes gzip: one member, or several back to back.</summary>
    public static ZLibDecodingStream Gzip(Stream encoded)
    {
        var input = new DecoderInput(encoded);
        return new ZLibDecodingStream(new GZipStream(input, CompressionMode.Decompress), input, "gzip");
    }

    /// <summary>Decodes deflate, zlib-wrapped or raw.</summary>
    public static ZLibDecodingStream Deflate(Stream encoded)
    {
        var input = new DecoderInput(encoded);
        return new ZLibDecodingStream(new DeflateEitherStream(input), input, "deflate");
    }

    public override int Read(Span<byte> buffer)
    {
        if (_complete is not null) return End();
        int n = _decoder.Read(buffer);
        return n > 0 || buffer.IsEmpty ? n : End();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_complete is not null) return End();
        int n = await _decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return n > 0 || buffer.IsEmpty ? n : End();
    }

    /// <summary>The decoder reported the end: 0 when it had finished, else the body was cut short.</summary>
    /// <exception cref="InvalidDataException">The encoded body ended before the decoder finished.</exception>
    private int End()
    {
        _complete ??= _input.Count == 0 || !_input.ReachedEnd || (_coding == "gzip" && GzipFinished());
        if (_complete == false) throw Truncated();
        return 0;
    }

    /// <summary>Runs no I/O: the input gives the probe byte and then nothing, whether the caller reads sync or async.</summary>
    private bool GzipFinished()
    {
        _input.Probe(NotAGzipMember);
        Span<byte> output = stackalloc byte[64];
        try
        {
            return _decoder.Read(output) == 0 && !_input.AskedPastProbe;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private InvalidDataException Truncated()
    {
        string missing = _coding == "gzip"
            ? "its end-of-stream marker and trailer (CRC32 and ISIZE)"
            : "its end-of-stream marker (the end of its final block, then the Adler-32 checksum when zlib-wrapped)";
        return new InvalidDataException(
            $"the {_coding} stream ended before {missing}, after {_input.Count} encoded bytes: the body was cut short");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _decoder.Dispose();
        base.Dispose(disposing);
    }
}
