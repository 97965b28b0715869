namespace FluentRequests;

/// <summary>
/// The server sent nothing for longer than the read timeout, before the headers or during the body, streaming included
/// (Requests' <c>ReadTimeout</c>).
/// </summary>
public class ReadTimeoutException : RequestTimeoutException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public ReadTimeoutException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
