using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// Decodes br with <see cref="BrotliDecoder"/>, whose status tells a finished stream (Done) from one that wants more
/// (NeedMoreData): BrotliStream reports the end of a truncated stream as the end of the body. Corrupt or truncated
/// input is an <see cref="InvalidDataException"/>, as GZipStream and DeflateStream report corrupt input, so every
/// bad body maps to <see cref="ContentDecodingException"/> the same way. Bytes after the end of the stream are ignored.
/// </summary>
internal sealed class BrotliDecodingStream(Stream inner) : ReadOnlyStream
{
    private const int InputBufferSize = 16 * 1024;
    private BrotliDecoder _decoder;
    private byte[]? _input = ArrayPool<byte>.Shared.Rent(InputBufferSize);
    private int _start;
    private int _end;
    private long _received;
    private bool _done;
    private bool _cutShort;

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (Decode(buffer, out int written)) return written;
            int n = inner.Read(FreeInput());
            InputArrived(n);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Decode(buffer.Span, out int written)) return written;
            int n = await inner.ReadAsync(FreeInput().AsMemory(), cancellationToken).ConfigureAwait(false);
            InputArrived(n);
        }
    }

    /// <summary>Decodes what input there is into <paramref name="buffer"/>; <c>false</c> when nothing came of it without more input.</summary>
    private bool Decode(Span<byte> buffer, out int written)
    {
        written = 0;
        if (_cutShort) throw CutShort();
        if (_done || buffer.IsEmpty) return true;
        ObjectDisposedException.ThrowIf(_input is null, this);
        var status = _decoder.Decompress(_input.AsSpan(_start, _end - _start), buffer, out int consumed, out written);
        _start += consumed;
        switch (status)
        {
            case OperationStatus.Done:
                _done = true;
                return true;
            case OperationStatus.InvalidData:
                throw new InvalidDataException($"the br stream is not valid brotli data (after {_received} encoded bytes)");
            default:
                // DestinationTooSmall with room left is brotli holding output back for more input, as NeedMoreData is.
                return written > 0;
        }
    }

    private ArraySegment<byte> FreeInput()
    {
        ObjectDisposedException.ThrowIf(_input is null, this);
        if (_start > 0)
        {
            _input.AsSpan(_start, _end - _start).CopyTo(_input);
            _end -= _start;
            _start = 0;
        }
        if (_end == _input.Length) throw new InvalidDataException("the br stream made no progress on a full input buffer");
        return new ArraySegment<byte>(_input, _end, _input.Length - _end);
    }

    private void InputArrived(int n)
    {
        if (n == 0)
        {
            // An empty body is an empty body; one that stops inside the stream was cut short.
            if (_received == 0) _done = true;
            else _cutShort = true;
            return;
        }
        _end += n;
        _received += n;
    }

    private InvalidDataException CutShort()
        => new($"the br stream ended before its end-of-stream marker (the last meta-block), after {_received} encoded bytes: the body was cut short");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
            if (_input is { } input)
            {
                _input = null;
                ArrayPool<byte>.Shared.Return(input);
            }
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
