namespace FluentRequests;

internal sealed class BytesBody(byte[] bytes) : RequestBody
{
    public byte[] Bytes { get; } = bytes;
    public override object PublicValue => Bytes;
    public override long? Length => Bytes.Length;
    protected override HttpContent CreateContentCore() => new ByteArrayContent(Bytes);
}
