using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP/1.1 server that writes responses byte for byte, for header values Kestrel and WireMock refuse
/// to send (control characters, Latin-1). One request per connection; the request heads are recorded.
/// </summary>
public sealed class RawResponseServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <param name="respond">Given the request head (request line and headers), the response head to send, without the
    /// final blank line; it is sent as Latin-1 with an empty body.</param>
    public RawResponseServer(Func<string, string> respond)
    {
        _respond = respond;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string BaseUrl { get; }

    /// <summary>The request heads received, oldest first.</summary>
    public ConcurrentQueue<string> RequestHeads { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var received = new List<byte>();
            var buffer = new byte[4096];
            while (!EndsHead(received))
            {
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0) return;
                received.AddRange(buffer.AsSpan(0, n));
            }
            string head = Encoding.Latin1.GetString(received.ToArray());
            RequestHeads.Enqueue(head);
            string response = _respond(head).TrimEnd('\r', '\n') + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            await socket.SendAsync(Encoding.Latin1.GetBytes(response), SocketFlags.None, _stop.Token);
            socket.Shutdown(SocketShutdown.Both);
        }
    }

    private static bool EndsHead(List<byte> bytes)
        => bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
