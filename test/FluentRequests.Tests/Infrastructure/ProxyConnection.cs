using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>A socket read with a buffer, for the test proxies: request heads, exact byte counts, and what was read ahead.</summary>
internal sealed class ProxyConnection(Socket socket)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public Socket Socket { get; } = socket;

    /// <summary>Bytes read past what was asked for; they belong to whatever comes next.</summary>
    public ReadOnlyMemory<byte> Buffered => _buffer.AsMemory(_start, _end - _start);

    /// <summary>The next HTTP head (up to the blank line) as Latin-1, or <c>null</c> when the peer closed first.</summary>
    public async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int blank = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (blank >= 0)
            {
                string head = Encoding.Latin1.GetString(_buffer, _start, blank);
                _start += blank + 4;
                return head;
            }
            if (!await FillAsync(cancellationToken)) return null;
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes, or <c>null</c> when the peer closed first.</summary>
    public async Task<byte[]?> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync(cancellationToken)) return null;
        }
        byte[] bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    /// <summary>Bytes up to and including a zero byte (SOCKS4 strings), without the zero.</summary>
    public async Task<byte[]?> ReadUntilZeroAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int zero = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)0);
            if (zero >= 0)
            {
                byte[] bytes = _buffer.AsSpan(_start, zero).ToArray();
                _start += zero + 1;
                return bytes;
            }
            if (!await FillAsync(cancellationToken)) return null;
        }
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) => SendAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length > 0) await Socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
    }

    /// <summary>Sends what was read ahead to <paramref name="destination"/>, then everything this socket receives until it closes.</summary>
    public async Task PumpToAsync(Socket destination, CancellationToken cancellationToken)
    {
        try
        {
            if (_end > _start) await destination.SendAsync(Buffered, SocketFlags.None, cancellationToken);
            _start = _end = 0;
            var chunk = new byte[16 * 1024];
            while (true)
            {
                int n = await Socket.ReceiveAsync(chunk, SocketFlags.None, cancellationToken);
                if (n == 0) break;
                await destination.SendAsync(chunk.AsMemory(0, n), SocketFlags.None, cancellationToken);
            }
            destination.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // One side went away: the tunnel is over.
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) throw new InvalidOperationException("A head larger than the test proxy's buffer.");
        int n;
        try
        {
            n = await Socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        }
        catch (SocketException)
        {
            return false;
        }
        _end += n;
        return n > 0;
    }
}
