using System.Net;
using System.Net.Sockets;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// The accept loop the raw test servers share: listens on 127.0.0.1, port 0, and runs <c>serve</c> for each
/// connection on its own task. The connection is closed when <c>serve</c> returns; a peer or the server going away
/// (socket, I/O, cancellation or disposed errors) just ends it. Dispose stops accepting, cancels every handler's
/// token, closes every open connection (ending any stall) and waits for the handlers to finish.
/// </summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Func<Socket, CancellationToken, Task> _serve;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = new();
    private readonly Task _accepting;

    /// <param name="serve">Handles one accepted connection; the token is cancelled when the listener is disposed.</param>
    public LoopbackListener(Func<Socket, CancellationToken, Task> serve)
    {
        _serve = serve;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_connections) _connections.Add(ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using var _ = connection;
        using var registration = _stop.Token.Register(connection.Dispose);
        try
        {
            await _serve(connection, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client, the destination or the server went away: the connection just ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _accepting;
        Task[] connections;
        lock (_connections) connections = _connections.ToArray();
        await Task.WhenAll(connections);
        _stop.Dispose();
    }
}
