namespace FluentRequests;

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
