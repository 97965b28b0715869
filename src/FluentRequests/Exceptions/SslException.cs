namespace FluentRequests;

/// <summary>The TLS handshake failed, e.g. the certificate did not verify (Requests' <c>SSLError</c>).</summary>
public class SslException : ConnectionException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public SslException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
