namespace FluentRequests;

/// <summary>
/// An encoded body (gzip, deflate, br) decodes to more than <see cref="Session.MaxDecompressionRatio"/> bytes per
/// byte received, once past 10 MiB decoded: a decompression bomb. Raised while reading, before memory or disk
/// fills. A <see cref="ContentDecodingException"/>, so code catching that catches this too.
/// </summary>
public class DecompressionLimitException : ContentDecodingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the URL and the limit.</param>
    /// <param name="maxRatio">The ratio that was exceeded.</param>
    /// <param name="request">The request, if any.</param>
    /// <param name="response">The response, if any.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public DecompressionLimitException(
        string message, double maxRatio, PreparedRequest? request = null, Response? response = null, Exception? innerException = null)
        : base(message, request, response, innerException)
    {
        MaxRatio = maxRatio;
    }

    /// <summary>The ratio of decoded to received bytes that was exceeded (<see cref="Session.MaxDecompressionRatio"/>).</summary>
    public double MaxRatio { get; }
}
