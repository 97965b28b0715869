namespace FluentRequests;

/// <summary>The URL has no scheme (Requests' <c>MissingSchema</c>).</summary>
public class MissingSchemaException : InvalidUrlException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public MissingSchemaException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
