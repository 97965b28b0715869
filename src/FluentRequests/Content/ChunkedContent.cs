namespace FluentRequests;

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
