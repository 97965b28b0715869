using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A loopback server that answers before reading the request body, as a server with a body limit or an auth check
/// does: for each connection it reads the request head only, sends <c>response</c> (or nothing), and closes the
/// socket with the body unread, which makes the kernel reset the connection (RST) under an upload still being sent.
/// With <c>tls</c>, it speaks HTTPS with <see cref="TestCertificates.Server"/>.
/// </summary>
public sealed class EarlyResponseServer : IAsyncDisposable
{
    private readonly byte[]? _response;
    private readonly bool _tls;
    private readonly LoopbackListener _listener;
    private int _requests;

    /// <param name="response">The whole response to send after the head (status line, headers, blank line, body), or
    /// <c>null</c> to close without answering.</param>
    /// <param name="tls">Whether to serve HTTPS.</param>
    public EarlyResponseServer(string? response, bool tls = false)
    {
        _response = response is null ? null : Encoding.ASCII.GetBytes(response);
        _tls = tls;
        _listener = new LoopbackListener(ServeAsync);
        BaseUrl = $"{(tls ? "https" : "http")}://127.0.0.1:{_listener.Port}";
    }

    /// <summary>
    /// A response with this status and a short body; with <c>Connection: close</c>, as a server that leaves the body
    /// unread should send, unless <paramref name="sayClose"/> is <c>false</c>.
    /// </summary>
    public static string Status(int status, string reason, bool sayClose = true)
        => $"HTTP/1.1 {status} {reason}\r\nContent-Length: {reason.Length}\r\n{(sayClose ? "Connection: close\r\n" : "")}\r\n{reason}";

    public string BaseUrl { get; }

    /// <summary>How many request heads arrived: one per upload attempt.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync(Socket socket, CancellationToken token)
    {
        // As servers do: without it, a response written while the TLS session tickets are still unacknowledged waits
        // (Nagle), and the close with the body unread resets the connection and drops it unsent.
        socket.NoDelay = true;
        Stream connection = new NetworkStream(socket, ownsSocket: false);
        if (_tls)
        {
            var tls = new SslStream(connection);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = TestCertificates.Server }, token);
            connection = tls;
        }
        // One byte at a time, so nothing of the body is read (beyond the TLS record that holds the head's end).
        var one = new byte[1];
        int matched = 0;
        while (matched < 4)
        {
            if (await connection.ReadAsync(one, token) == 0) return;
            matched = one[0] == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : one[0] == '\r' ? 1 : 0;
        }
        Interlocked.Increment(ref _requests);
        if (_response is not null) await connection.WriteAsync(_response, token);
        // Returning closes the socket with the body unread.
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
