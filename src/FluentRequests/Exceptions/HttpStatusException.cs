namespace FluentRequests;

/// <summary>An HTTP error status (4xx or 5xx), raised by <see cref="Response.RaiseForStatus"/> (Requests' <c>HTTPError</c>).</summary>
public class HttpStatusException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public HttpStatusException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
