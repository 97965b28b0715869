using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A misbehaving HTTP/1.1 server on 127.0.0.1 port 0 that writes raw bytes, for what neither WireMock nor Kestrel
/// will send: duplicate or conflicting Content-Length, a body cut off mid-way, a stall after part of a body.
/// For each connection it reads one request head and hands the path and the connection to the handler; the
/// connection is closed when the handler returns. Dispose cancels every handler (ending any stall) and closes
/// every connection.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly Func<string, NetworkStream, CancellationToken, Task> _handler;
    private readonly LoopbackListener _listener;

    public RawHttpServer(Func<string, NetworkStream, CancellationToken, Task> handler)
    {
        _handler = handler;
        _listener = new LoopbackListener(ServeAsync);
        BaseUrl = $"http://127.0.0.1:{_listener.Port}";
    }

    public string BaseUrl { get; }

    public string Url(string path) => BaseUrl + path;

    /// <summary>Writes ASCII text (a status line and headers) to the connection.</summary>
    public static Task WriteAsync(Stream connection, string text, CancellationToken token)
        => connection.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    private async Task ServeAsync(Socket client, CancellationToken token)
    {
        using var stream = new NetworkStream(client, ownsSocket: true);
        string path = await ReadRequestPathAsync(stream, token);
        await _handler(path, stream, token);
    }

    private static async Task<string> ReadRequestPathAsync(NetworkStream stream, CancellationToken token)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, token) == 0) throw new IOException("The client closed before sending a request.");
            head.Add(one[0]);
        }
        string requestLine = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n")[0];
        return requestLine.Split(' ')[1];
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
