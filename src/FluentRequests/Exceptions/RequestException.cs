namespace FluentRequests;

/// <summary>
/// The root of FluentRequests' exception tree (Requests' <c>RequestException</c>).
/// Every failure of a request surfaces as this type or one of its subclasses.
/// </summary>
public class RequestException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, naming the URL where there is one.</param>
    /// <param name="request">The request that was being sent, if any.</param>
    /// <param name="response">The response received, if any.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RequestException(string message, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Request = request ?? response?.Request;
        Response = response;
    }

    /// <summary>The request that was being sent when the failure happened, or <c>null</c>.</summary>
    public PreparedRequest? Request { get; }

    /// <summary>The response that caused the failure, or <c>null</c> when none was received.</summary>
    public Response? Response { get; }

    /// <summary>Whether the request never reached the server (DNS, refused, connect timeout), so resending is safe for any method.</summary>
    internal bool NotSent { get; set; }

    /// <summary>Whether the server closed the connection while the request body was being sent, and sent no response.</summary>
    internal bool UploadBroken { get; set; }

    /// <summary>
    /// The message, followed by any note added while the error travelled up (e.g. how many attempts were made).
    /// </summary>
    public override string Message => _note is null ? base.Message : $"{base.Message} {_note}";

    private string? _note;

    /// <summary>
    /// Appends <paramref name="note"/> to <see cref="Message"/>. The exception keeps its type, stack trace and
    /// inner exception, so this works for any subclass (copying one would need a constructor it may not have).
    /// </summary>
    internal void AddNote(string note) => _note = _note is null ? note : $"{_note} {note}";
}
