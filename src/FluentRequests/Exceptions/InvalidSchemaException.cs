namespace FluentRequests;

/// <summary>The URL's scheme is not http or https (Requests' <c>InvalidSchema</c>).</summary>
public class InvalidSchemaException : InvalidUrlException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidSchemaException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
