namespace FluentRequests;

/// <summary>A compressed body (gzip, deflate, br) could not be decoded (Requests' <c>ContentDecodingError</c>).</summary>
public class ContentDecodingException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ContentDecodingException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
