using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Testing.Tests;

/// <summary>
/// A loopback server on a free port that reads each request's head and then does what a test says with the socket:
/// for the faults WireMock.Net cannot make (a connection closed before any response, a body cut short, a reset).
/// </summary>
internal sealed class RawServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Socket, Task> _respond;
    private readonly CancellationTokenSource _stop = new();

    public RawServer(Func<Socket, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>Sends a response head declaring <paramref name="declared"/> body bytes, then <paramref name="sent"/> of them.</summary>
    public static async Task SendPartialAsync(Socket socket, int declared, int sent)
    {
        string head = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {declared}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + new string('x', sent)));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
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
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int n = await socket.ReceiveAsync(buffer);
                if (n == 0) return;
                head.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            await _respond(socket);
        }
    }
}
