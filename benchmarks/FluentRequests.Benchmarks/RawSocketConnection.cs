using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Benchmarks;

/// <summary>
/// The floor: one keep-alive HTTP/1.1 connection that writes a pre-built request and reads the response with
/// no parsing beyond Content-Length, allocating next to nothing. Its allocations per request are almost all
/// the in-process server's, so subtracting them from another client's estimates that client's own share.
/// Not thread-safe: one per concurrent loop.
/// </summary>
public sealed class RawSocketConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "Content-Length: "u8.ToArray();
    private readonly EndPoint _endPoint;
    private readonly byte[] _request;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private Socket? _socket;

    private RawSocketConnection(EndPoint endPoint, byte[] request)
    {
        _endPoint = endPoint;
        _request = request;
    }

    /// <summary>A connection that sends GET /json.</summary>
    public static RawSocketConnection ForGet(Uri baseUri)
        => new(EndPointOf(baseUri), Encoding.ASCII.GetBytes($"GET /json HTTP/1.1\r\nHost: {baseUri.Authority}\r\n\r\n"));

    /// <summary>A connection that sends POST /echo with <paramref name="json"/> as the body.</summary>
    public static RawSocketConnection ForPost(Uri baseUri, byte[] json)
    {
        var head = Encoding.ASCII.GetBytes(
            $"POST /echo HTTP/1.1\r\nHost: {baseUri.Authority}\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n");
        return new(EndPointOf(baseUri), [.. head, .. json]);
    }

    /// <summary>Sends the request and reads the whole response; returns the body length.</summary>
    public async ValueTask<int> SendAsync()
    {
        var socket = _socket ??= await ConnectAsync().ConfigureAwait(false);
        await socket.SendAsync(_request, SocketFlags.None).ConfigureAwait(false);
        int filled = 0, headerLength = -1, total = -1;
        while (total < 0 || filled < total)
        {
            if (filled == _buffer.Length) throw new IOException("Response larger than the floor client's buffer.");
            int n = await socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
            if (n == 0) throw new IOException("The server closed the connection.");
            filled += n;
            if (headerLength < 0)
            {
                int end = _buffer.AsSpan(0, filled).IndexOf(HeaderEnd);
                if (end < 0) continue;
                headerLength = end + HeaderEnd.Length;
                total = headerLength + BodyLength(_buffer.AsSpan(0, headerLength));
            }
        }
        if (!_buffer.AsSpan(9, 3).SequenceEqual("200"u8)) throw new IOException("The server did not answer 200.");
        return total - headerLength;
    }

    /// <inheritdoc/>
    public void Dispose() => _socket?.Dispose();

    private async ValueTask<Socket> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_endPoint).ConfigureAwait(false);
        return socket;
    }

    private static int BodyLength(ReadOnlySpan<byte> head)
    {
        int at = head.IndexOf(ContentLength);
        if (at < 0) throw new IOException("The floor client needs a Content-Length.");
        return Utf8Parser.TryParse(head[(at + ContentLength.Length)..], out int length, out _) ? length : throw new IOException("Bad Content-Length.");
    }

    private static IPEndPoint EndPointOf(Uri uri) => new(IPAddress.Parse(uri.Host), uri.Port);
}
