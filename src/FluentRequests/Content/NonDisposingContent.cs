namespace FluentRequests;

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
