namespace FluentRequests;

/// <summary>A streamed body was read a second time (Requests' <c>StreamConsumedError</c>).</summary>
public class StreamConsumedException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public StreamConsumedException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
