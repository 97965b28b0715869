using System.Net.Sockets;

namespace FluentRequests;

/// <summary>
/// Thrown by <see cref="TimedNetworkStream"/> when the server closed the connection during the upload and no
/// response came; mapped to a <see cref="ConnectionException"/> that names the write error.
/// </summary>
internal sealed class UploadBrokenSignal(SocketException writeError, SocketException? readError)
    : IOException($"The connection closed while the request was being sent ({writeError.Message}) and no response came", writeError)
{
    public SocketException WriteError { get; } = writeError;

    /// <summary>The read's own error (usually a reset), or <c>null</c> when the read found the end of the stream.</summary>
    public SocketException? ReadError { get; } = readError;
}
