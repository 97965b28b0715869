using System.IO.Compression;

namespace FluentRequests;

/// <summary>
/// Decodes br. BrotliStream reports corrupt input as an <see cref="InvalidOperationException"/> ("Decoder ran into
/// invalid data"), where GZipStream and DeflateStream throw <see cref="InvalidDataException"/>: rethrown as the
/// latter, so every corrupt body maps to <see cref="ContentDecodingException"/> the same way.
/// </summary>
internal sealed class BrotliDecodingStream(Stream inner) : ReadOnlyStream
{
    private readonly BrotliStream _decoder = new(inner, CompressionMode.Decompress);

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _decoder.Read(buffer);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _decoder.Dispose();
        base.Dispose(disposing);
    }
}
