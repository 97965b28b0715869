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
