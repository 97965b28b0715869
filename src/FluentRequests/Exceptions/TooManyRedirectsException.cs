namespace FluentRequests;

/// <summary>Too many redirects were followed (Requests' <c>TooManyRedirects</c>); <see cref="RequestException.Response"/> is the last 3xx.</summary>
public class TooManyRedirectsException : RequestException
{
    /// <inheritdoc cref="RequestException(string, PreparedRequest?, Response?, Exception?)"/>
    public TooManyRedirectsException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException) { }
}
