using System.Net.Http.Headers;

namespace FluentRequests;

/// <summary>
/// A request body that can produce a fresh <see cref="HttpContent"/> for each send, so redirects,
/// auth challenges and retries can resend it; streams rewind to where they started.
/// </summary>
internal abstract class RequestBody
{
    /// <summary>The body as <see cref="PreparedRequest.Body"/> shows it.</summary>
    public abstract object PublicValue { get; }

    /// <summary>The length in bytes when known (then Content-Length is sent), else <c>null</c> (chunked).</summary>
    public abstract long? Length { get; }

    /// <summary>Whether this body was already sent once (a stream must be rewound before a resend).</summary>
    protected bool Sent { get; private set; }

    public HttpContent CreateContent()
    {
        var content = CreateContentCore();
        Sent = true;
        return content;
    }

    protected abstract HttpContent CreateContentCore();

    /// <summary>Readies the body for another send; <c>false</c> when it cannot be replayed.</summary>
    public virtual bool TryRewind() => true;
}

internal sealed class BytesBody(byte[] bytes) : RequestBody
{
    public byte[] Bytes { get; } = bytes;
    public override object PublicValue => Bytes;
    public override long? Length => Bytes.Length;
    protected override HttpContent CreateContentCore() => new ByteArrayContent(Bytes);
}

internal sealed class StreamBody : RequestBody
{
    private readonly Stream _stream;
    private readonly long _start;

    public StreamBody(Stream stream)
    {
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : -1;
    }

    public override object PublicValue => _stream;

    public override long? Length => _stream.CanSeek ? _stream.Length - _start : null;

    // leaveOpen semantics: the caller owns the stream, so the content must not dispose it.
    protected override HttpContent CreateContentCore() => new StreamContent(new NonClosingStream(_stream));

    public override bool TryRewind()
    {
        if (!Sent) return true;
        if (!_stream.CanSeek) return false;
        _stream.Position = _start;
        return true;
    }
}

internal sealed class ChunksBody : RequestBody
{
    private readonly IEnumerable<byte[]>? _chunks;
    private readonly IAsyncEnumerable<byte[]>? _asyncChunks;

    public ChunksBody(IEnumerable<byte[]> chunks) => _chunks = chunks;

    public ChunksBody(IAsyncEnumerable<byte[]> chunks) => _asyncChunks = chunks;

    public override object PublicValue => (object?)_chunks ?? _asyncChunks!;

    public override long? Length => null;

    protected override HttpContent CreateContentCore() => new ChunkedContent(_chunks, _asyncChunks);

    public override bool TryRewind() => !Sent;
}

internal sealed class HttpContentBody(HttpContent content) : RequestBody
{
    public override object PublicValue => content;
    public override long? Length => content.Headers.ContentLength;
    protected override HttpContent CreateContentCore() => new NonDisposingContent(content);
    public override bool TryRewind() => !Sent;
}

/// <summary>Writes a sequence of byte chunks, sync or async, with chunked transfer encoding.</summary>
internal sealed class ChunkedContent(IEnumerable<byte[]>? chunks, IAsyncEnumerable<byte[]>? asyncChunks) : HttpContent
{
    protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        if (chunks is null)
        {
            throw new ArgumentException("An IAsyncEnumerable<byte[]> body can only be sent with the async methods; use IEnumerable<byte[]> for sync sends.");
        }
        foreach (var chunk in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (chunk is { Length: > 0 }) stream.Write(chunk);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        if (chunks is not null)
        {
            foreach (var chunk in chunks)
            {
                if (chunk is { Length: > 0 }) await stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        await foreach (var chunk in asyncChunks!.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (chunk is { Length: > 0 }) await stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>Sends a user's <see cref="HttpContent"/> without taking ownership of it.</summary>
internal sealed class NonDisposingContent : HttpContent
{
    private readonly HttpContent _inner;

    public NonDisposingContent(HttpContent inner)
    {
        _inner = inner;
        foreach (var h in inner.Headers) Headers.TryAddWithoutValidation(h.Key, h.Value);
    }

    protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        => _inner.CopyTo(stream, context, cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        => _inner.CopyToAsync(stream, context, cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        => _inner.CopyToAsync(stream, context);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength.HasValue;
    }
}

/// <summary>Passes reads through but leaves the caller's stream open when the content is disposed.</summary>
internal sealed class NonClosingStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override int Read(Span<byte> buffer) => inner.Read(buffer);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal static class MediaTypes
{
    public static readonly MediaTypeHeaderValue Json = new("application/json");
}
