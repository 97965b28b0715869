namespace FluentRequests;

/// <summary>Retries were exhausted and the policy asked for an exception (Requests' <c>RetryError</c>).</summary>
public class RetryException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public RetryException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
