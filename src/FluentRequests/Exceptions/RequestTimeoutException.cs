namespace FluentRequests;

/// <summary>A time limit ran out (Requests' <c>Timeout</c>). Raised as is when the total deadline of a call is exceeded.</summary>
public class RequestTimeoutException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public RequestTimeoutException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
