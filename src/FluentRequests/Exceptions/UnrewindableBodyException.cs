namespace FluentRequests;

/// <summary>A request body stream could not be rewound to be sent again, e.g. on a 307/308 redirect (Requests' <c>UnrewindableBodyError</c>).</summary>
public class UnrewindableBodyException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public UnrewindableBodyException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
