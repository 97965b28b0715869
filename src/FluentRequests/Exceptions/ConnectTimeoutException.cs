namespace FluentRequests;

/// <summary>
/// The TCP connection was not established within the connect timeout (the TLS handshake that follows counts against the
/// read timeout) (Requests' <c>ConnectTimeout</c>).
/// </summary>
public class ConnectTimeoutException : RequestTimeoutException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ConnectTimeoutException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
