namespace FluentRequests;

internal sealed class HttpContentBody(HttpContent content) : RequestBody
{
    public override object PublicValue => content;
    public override long? Length => content.Headers.ContentLength;
    protected override HttpContent CreateContentCore() => new NonDisposingContent(content);
    public override bool TryRewind() => !Sent;
}
