using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP/1.1 server that writes responses byte for byte, for header values Kestrel and WireMock refuse
/// to send (control characters, Latin-1). One request per connection; the request heads are recorded.
/// </summary>
public sealed class RawResponseServer : IAsyncDisposable
{
    private readonly Func<string, string> _respond;
    private readonly LoopbackListener _listener;

    /// <param name="respond">Given the request head (request line and headers), the response head to send, without the
    /// final blank line; it is sent as Latin-1 with an empty body.</param>
    public RawResponseServer(Func<string, string> respond)
    {
        _respond = respond;
        _listener = new LoopbackListener(ServeAsync);
        BaseUrl = $"http://127.0.0.1:{_listener.Port}";
    }

    public string BaseUrl { get; }

    /// <summary>The request heads received, oldest first.</summary>
    public ConcurrentQueue<string> RequestHeads { get; } = new();

    private async Task ServeAsync(Socket socket, CancellationToken token)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (!EndsHead(received))
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None, token);
            if (n == 0) return;
            received.AddRange(buffer.AsSpan(0, n));
        }
        string head = Encoding.Latin1.GetString(received.ToArray());
        RequestHeads.Enqueue(head);
        string response = _respond(head).TrimEnd('\r', '\n') + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await socket.SendAsync(Encoding.Latin1.GetBytes(response), SocketFlags.None, token);
        socket.Shutdown(SocketShutdown.Both);
    }

    private static bool EndsHead(List<byte> bytes)
        => bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
