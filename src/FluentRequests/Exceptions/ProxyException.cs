namespace FluentRequests;

/// <summary>The proxy refused or failed the connection (Requests' <c>ProxyError</c>).</summary>
public class ProxyException : ConnectionException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ProxyException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
