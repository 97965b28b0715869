using System.Buffers;
using System.Runtime.CompilerServices;

namespace FluentRequests;

// Reading a body without holding it: a decoded stream, a copy to a stream or a file, and chunks over one buffer.
public sealed partial class Response
{
    private const int CopyBufferSize = 64 * 1024;

    /// <summary>
    /// The body as a stream, decoded as <see cref="Content"/> is (gzip, deflate and br undone), read as it arrives when
    /// streaming: the stream to hand to a parser or a decompressor-unaware consumer, where <see cref="Raw"/> would
    /// give the encoded bytes. Does no I/O itself; the stream reads synchronously or asynchronously, each read bounded
    /// by the read timeout. Disposing the stream, or this response, releases the connection.
    /// For a response that was read already, a stream over <see cref="Content"/>.
    /// </summary>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    public Stream ReadAsStream()
    {
        if (_content is not null) return new MemoryStream(_content, writable: false);
        if (_consumed) throw Consumed();
        _consumed = true;
        return OpenBody(decoded: true);
    }

    /// <summary>
    /// Copies the decoded body to <paramref name="destination"/> through one pooled 64 KiB buffer: constant memory and no
    /// allocation per chunk, whatever the size. Releases the connection when done.
    /// </summary>
    /// <param name="destination">Where the body goes; left open.</param>
    /// <param name="progress">Told after each chunk how far the copy has got; <c>null</c> for none.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    public long CopyTo(Stream destination, IProgress<DownloadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return CopyCoreAsync(destination, progress, async: false, default).EnsureCompleted();
    }

    /// <summary>Copies the decoded body to <paramref name="destination"/> asynchronously; as <see cref="CopyTo"/>.</summary>
    /// <param name="destination">Where the body goes; left open.</param>
    /// <param name="progress">Told after each chunk how far the copy has got; <c>null</c> for none.</param>
    /// <param name="cancellationToken">Cancels the copy (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    public async Task<long> CopyToAsync(Stream destination, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return await CopyCoreAsync(destination, progress, async: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the decoded body to the file at <paramref name="path"/>: written to a temporary file in the same directory
    /// (<c>.name.random.part</c>) and moved into place, replacing any file there, only once the whole body arrived. A
    /// failure or a cancellation part-way deletes the temporary file: the target is never half-written.
    /// </summary>
    /// <param name="path">The file to write; its directory must exist.</param>
    /// <param name="progress">Told after each chunk how far the download has got; <c>null</c> for none.</param>
    /// <param name="cancellationToken">Checked between chunks; the call's own token and timeouts bound each read.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    /// <remarks>Errors of the file system (a missing directory, no permission, a full disk) are thrown as .NET throws them.</remarks>
    public long SaveTo(string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
        => SaveCoreAsync(path, progress, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Saves the decoded body to the file at <paramref name="path"/> asynchronously; as <see cref="SaveTo"/>.</summary>
    /// <param name="path">The file to write; its directory must exist.</param>
    /// <param name="progress">Told after each chunk how far the download has got; <c>null</c> for none.</param>
    /// <param name="cancellationToken">Cancels the download (<see cref="OperationCanceledException"/>), also mid-read.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    public async Task<long> SaveToAsync(string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
        => await SaveCoreAsync(path, progress, async: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The decoded body in chunks of at most <paramref name="chunkSize"/> bytes, each a view of <em>one reused buffer</em>:
    /// no allocation per chunk. A chunk is valid only until the enumerator moves on; copy what you keep
    /// (<c>chunk.ToArray()</c>). Use <see cref="IterContent"/> for chunks you may keep.
    /// </summary>
    /// <param name="chunkSize">The largest chunk, in bytes; at least 1.</param>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    public IEnumerable<ReadOnlyMemory<byte>> IterChunks(int chunkSize = CopyBufferSize)
    {
        CheckChunkSize(chunkSize);
        if (_content is not null) return SliceShared(_content, chunkSize);
        if (_consumed) throw Consumed();
        _consumed = true;
        return ReadSharedChunks(chunkSize);
    }

    /// <summary>The decoded body in chunks over one reused buffer, read asynchronously; as <see cref="IterChunks"/>.</summary>
    /// <param name="chunkSize">The largest chunk, in bytes; at least 1.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    public IAsyncEnumerable<ReadOnlyMemory<byte>> IterChunksAsync(int chunkSize = CopyBufferSize, CancellationToken cancellationToken = default)
    {
        CheckChunkSize(chunkSize);
        if (_content is not null) return SliceSharedAsync(_content, chunkSize);
        if (_consumed) throw Consumed();
        _consumed = true;
        return ReadSharedChunksAsync(chunkSize, cancellationToken);
    }

    private async ValueTask<long> SaveCoreAsync(string path, IProgress<DownloadProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (_content is null && _consumed) throw Consumed();
        string target = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            long written;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, async);
            await using (file.ConfigureAwait(false))
            {
                written = await CopyCoreAsync(file, progress, async, cancellationToken).ConfigureAwait(false);
                if (async) await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                else file.Flush();
            }
            File.Move(temporary, target, overwrite: true);
            return written;
        }
        catch
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw;
        }
        finally
        {
            // Also when the file could not be created: the body is not left holding the connection.
            if (async) await DisposeAsync().ConfigureAwait(false);
            else Dispose();
        }
    }

    private async ValueTask<long> CopyCoreAsync(Stream destination, IProgress<DownloadProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        if (_content is not null)
        {
            if (async) await destination.WriteAsync(_content, cancellationToken).ConfigureAwait(false);
            else destination.Write(_content);
            progress?.Report(new DownloadProgress(_content.Length, _content.Length, _content.Length));
            return _content.Length;
        }
        if (_consumed) throw Consumed();
        _consumed = true;
        long? total = _streamed?.WireLength;
        var body = OpenBody(decoded: true);
        var guarded = body as GuardedBodyStream;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        long written = 0;
        try
        {
            progress?.Report(new DownloadProgress(0, total, 0));
            while (true)
            {
                int n;
                if (async)
                {
                    n = await body.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    n = body.Read(buffer, 0, CopyBufferSize);
                }
                if (n == 0) break;
                if (async) await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                else destination.Write(buffer, 0, n);
                written += n;
                progress?.Report(new DownloadProgress(guarded?.WireBytes ?? written, total, written));
            }
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (async) await DisposeAsync().ConfigureAwait(false);
            else Dispose();
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> SliceShared(byte[] content, int chunkSize)
    {
        for (int i = 0; i < content.Length; i += chunkSize)
        {
            yield return content.AsMemory(i, Math.Min(chunkSize, content.Length - i));
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> SliceSharedAsync(byte[] content, int chunkSize)
    {
        foreach (var chunk in SliceShared(content, chunkSize)) yield return chunk;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    // The buffer is the enumeration's own, not pooled: a chunk kept past its step sees later bytes, never another
    // component's data.
    private IEnumerable<ReadOnlyMemory<byte>> ReadSharedChunks(int chunkSize)
    {
        var stream = OpenBody(decoded: true);
        var buffer = new byte[chunkSize];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, chunkSize)) > 0) yield return buffer.AsMemory(0, read);
        }
        finally
        {
            Dispose();
        }
    }

    private async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadSharedChunksAsync(int chunkSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = OpenBody(decoded: true);
        var buffer = new byte[chunkSize];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, chunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                yield return buffer.AsMemory(0, read);
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }
}
