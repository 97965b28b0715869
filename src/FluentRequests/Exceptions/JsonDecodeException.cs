namespace FluentRequests;

/// <summary>A response body is not valid JSON (Requests' <c>JSONDecodeError</c>); the message gives the line and byte position.</summary>
public class JsonDecodeException : InvalidJsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and where.</param>
    /// <param name="lineNumber">Zero-based line of the error, when known.</param>
    /// <param name="bytePositionInLine">Zero-based byte position in that line, when known.</param>
    /// <param name="request">The request, if any.</param>
    /// <param name="response">The response whose body failed to parse.</param>
    /// <param name="innerException">The parser's exception.</param>
    public JsonDecodeException(
        string message, long? lineNumber = null, long? bytePositionInLine = null,
        PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException)
    {
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Zero-based line number of the error, or <c>null</c> when unknown.</summary>
    public long? LineNumber { get; }

    /// <summary>Zero-based byte position within <see cref="LineNumber"/>, or <c>null</c> when unknown.</summary>
    public long? BytePositionInLine { get; }
}
