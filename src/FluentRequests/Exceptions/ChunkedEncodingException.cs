namespace FluentRequests;

/// <summary>The body ended before its declared length or chunked framing completed (Requests' <c>ChunkedEncodingError</c>).</summary>
public class ChunkedEncodingException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ChunkedEncodingException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
