namespace FluentRequests;

/// <summary>
/// A body to be held in memory (a call without <c>stream: true</c>, or <see cref="Response.Content"/>) is larger
/// than <see cref="Session.MaxResponseBytes"/>. Raised before the body is read when its Content-Length says so,
/// else as soon as the limit is passed: memory never grows beyond it. Stream the response to read such a body.
/// </summary>
public class ResponseTooLargeException : RequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the URL and the limit.</param>
    /// <param name="limit">The limit that was exceeded, in bytes.</param>
    /// <param name="request">The request, if any.</param>
    /// <param name="response">The response, if any.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ResponseTooLargeException(string message, long limit, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException)
    {
        Limit = limit;
    }

    /// <summary>The limit that was exceeded, in bytes (<see cref="Session.MaxResponseBytes"/>).</summary>
    public long Limit { get; }
}
