namespace FluentRequests;

/// <summary>A proxy URL is not valid (Requests' <c>InvalidProxyURL</c>).</summary>
public class InvalidProxyUrlException : InvalidUrlException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidProxyUrlException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
