namespace FluentRequests;

/// <summary>The URL is not valid (Requests' <c>InvalidURL</c>).</summary>
public class InvalidUrlException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidUrlException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>The URL has no scheme (Requests' <c>MissingSchema</c>).</summary>
public class MissingSchemaException : InvalidUrlException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public MissingSchemaException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>The URL's scheme is not http or https (Requests' <c>InvalidSchema</c>).</summary>
public class InvalidSchemaException : InvalidUrlException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidSchemaException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}

/// <summary>A proxy URL is not valid (Requests' <c>InvalidProxyURL</c>).</summary>
public class InvalidProxyUrlException : InvalidUrlException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidProxyUrlException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
