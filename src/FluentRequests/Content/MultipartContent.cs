using System.Buffers;
using System.Net;

namespace FluentRequests;

/// <summary>
/// Writes a <see cref="MultipartBody"/>'s parts to the connection, sync or async, copying stream parts through one pooled
/// buffer: memory stays constant whatever the size of the files.
/// </summary>
internal sealed class MultipartContent(MultipartPart[] parts, byte[] closing, long? length) : HttpContent
{
    // Stream.CopyTo's and StreamContent's buffer: every write to the connection is as large as raw HttpClient's.
    private const int CopyBufferSize = 81920;
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[]? buffer = null;
        try
        {
            foreach (var part in parts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                stream.Write(part.Head);
                if (part.Content is byte[] bytes)
                {
                    stream.Write(bytes);
                }
                else
                {
                    buffer ??= ArrayPool<byte>.Shared.Rent(CopyBufferSize);
                    var source = (Stream)part.Content;
                    int read;
                    while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        stream.Write(buffer, 0, read);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
                stream.Write(CrLf);
            }
            stream.Write(closing);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[]? buffer = null;
        try
        {
            foreach (var part in parts)
            {
                await stream.WriteAsync(part.Head, cancellationToken).ConfigureAwait(false);
                if (part.Content is byte[] bytes)
                {
                    await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    buffer ??= ArrayPool<byte>.Shared.Rent(CopyBufferSize);
                    var source = (Stream)part.Content;
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
                await stream.WriteAsync(CrLf, cancellationToken).ConfigureAwait(false);
            }
            await stream.WriteAsync(closing, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long computed)
    {
        computed = length ?? 0;
        return length.HasValue;
    }
}
