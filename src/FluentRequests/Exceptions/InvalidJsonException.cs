namespace FluentRequests;

/// <summary>A JSON body could not be serialized, e.g. it holds NaN or Infinity (Requests' <c>InvalidJSONError</c>).</summary>
public class InvalidJsonException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public InvalidJsonException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
