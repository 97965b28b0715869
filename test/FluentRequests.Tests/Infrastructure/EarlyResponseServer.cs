using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A loopback server that answers before reading the request body, as a server with a body limit or an auth check
/// does: for each connection it reads the request head only, sends <c>response</c> (or nothing), and closes the
/// socket with the body unread, which makes the kernel reset the connection (RST) under an upload still being sent.
/// </summary>
public sealed class EarlyResponseServer : IAsyncDisposable
{
    private readonly byte[]? _response;
    private readonly LoopbackListener _listener;
    private int _requests;

    /// <param name="response">The whole response to send after the head (status line, headers, blank line, body), or
    /// <c>null</c> to close without answering.</param>
    public EarlyResponseServer(string? response)
    {
        _response = response is null ? null : Encoding.ASCII.GetBytes(response);
        _listener = new LoopbackListener(ServeAsync);
        BaseUrl = $"http://127.0.0.1:{_listener.Port}";
    }

    /// <summary>
    /// A response with this status and a short body; with <c>Connection: close</c>, as a server that leaves the body
    /// unread should send (RFC 9112 9.6), unless <paramref name="sayClose"/> is <c>false</c>.
    /// </summary>
    public static string Status(int status, string reason, bool sayClose = true)
        => $"HTTP/1.1 {status} {reason}\r\nContent-Length: {reason.Length}\r\n{(sayClose ? "Connection: close\r\n" : "")}\r\n{reason}";

    public string BaseUrl { get; }

    /// <summary>How many request heads arrived: one per upload attempt.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync(Socket socket, CancellationToken token)
    {
        // One byte at a time, so nothing of the body is read.
        var one = new byte[1];
        int matched = 0;
        while (matched < 4)
        {
            if (await socket.ReceiveAsync(one, SocketFlags.None, token) == 0) return;
            matched = one[0] == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : one[0] == '\r' ? 1 : 0;
        }
        Interlocked.Increment(ref _requests);
        if (_response is not null) await socket.SendAsync(_response, SocketFlags.None, token);
        // Returning closes the socket with the body unread.
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
