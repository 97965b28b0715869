namespace FluentRequests;

/// <summary>The connection failed: refused, reset, DNS failure, or the peer closed early (Requests' <c>ConnectionError</c>).</summary>
public class ConnectionException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ConnectionException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>The proxy refused or failed the connection (Requests' <c>ProxyError</c>).</summary>
public class ProxyException : ConnectionException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ProxyException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>The TLS handshake failed, e.g. the certificate did not verify (Requests' <c>SSLError</c>).</summary>
public class SslException : ConnectionException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public SslException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>A time limit ran out (Requests' <c>Timeout</c>). Raised as is when the total deadline of a call is exceeded.</summary>
public class RequestTimeoutException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public RequestTimeoutException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>The TCP connection was not established within the connect timeout (the TLS handshake that follows counts against the read timeout) (Requests' <c>ConnectTimeout</c>).</summary>
public class ConnectTimeoutException : RequestTimeoutException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ConnectTimeoutException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>The server sent nothing for longer than the read timeout, before the headers or during the body, streaming included (Requests' <c>ReadTimeout</c>).</summary>
public class ReadTimeoutException : RequestTimeoutException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ReadTimeoutException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
