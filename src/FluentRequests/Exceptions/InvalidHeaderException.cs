namespace FluentRequests;

/// <summary>
/// A header name or value is invalid: CR or LF, leading whitespace, or a colon in the name; or a non-zero Content-Length
/// set on a request without a body (Requests' <c>InvalidHeader</c>).
/// </summary>
public class InvalidHeaderException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidHeaderException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
