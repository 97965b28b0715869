namespace FluentRequests;

/// <summary>The connection failed: refused, reset, DNS failure, or the peer closed early (Requests' <c>ConnectionError</c>).</summary>
public class ConnectionException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ConnectionException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
