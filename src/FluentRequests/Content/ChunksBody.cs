namespace FluentRequests;

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
