namespace FluentRequests;

/// <summary>
/// One part of a multipart body: its boundary line and headers, already encoded, and its content, a <c>byte[]</c> or a
/// <see cref="Stream"/> read from <see cref="Start"/> (-1 when the stream cannot seek, so its length is unknown).
/// </summary>
internal readonly record struct MultipartPart(byte[] Head, object Content, long Start, long? ContentLength)
{
    public static MultipartPart Create(byte[] head, object content) => content switch
    {
        byte[] bytes => new(head, bytes, 0, bytes.Length),
        Stream { CanSeek: true } stream => new(head, stream, stream.Position, Math.Max(0, stream.Length - stream.Position)),
        Stream stream => new(head, stream, -1, null),
        _ => throw new ArgumentException($"Unsupported multipart content {content.GetType().FullName}."),
    };
}
