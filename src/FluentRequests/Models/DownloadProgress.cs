namespace FluentRequests;

/// <summary>How far a <see cref="Response.SaveTo"/> or <see cref="Response.CopyTo"/> has got, reported after every chunk.</summary>
/// <param name="BytesReceived">
/// The body bytes received from the server so far, as it sent them: still compressed when it compressed them, so
/// they count against <paramref name="TotalBytes"/>.
/// </param>
/// <param name="TotalBytes">The body's Content-Length, when the server sent one; else <c>null</c> (e.g. a chunked body).</param>
/// <param name="BytesWritten">The bytes written to the file or stream so far: the decoded body.</param>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes, long BytesWritten)
{
    /// <summary>
    /// <see cref="BytesReceived"/> as a fraction of <see cref="TotalBytes"/>, from 0 to 1, or <c>null</c> when the
    /// total is unknown.
    /// </summary>
    public double? Fraction => TotalBytes switch
    {
        null => null,
        0 => 1,
        { } total => Math.Min(1, (double)BytesReceived / total),
    };
}
