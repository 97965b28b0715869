namespace FluentRequests;

/// <summary>The URL is not valid (Requests' <c>InvalidURL</c>).</summary>
public class InvalidUrlException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidUrlException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
