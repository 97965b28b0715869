using System.Net;
using System.Net.Sockets;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A loopback listener that never accepts and whose accept queue is already full, so a new connection
/// attempt hangs in SYN retransmission: a connect timeout without leaving the machine.
/// </summary>
public sealed class FullBacklogListener : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _fillers = new();

    public FullBacklogListener()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        // Linux queues backlog + 1 completed handshakes; fill them, then further SYNs are dropped.
        for (int i = 0; i < 8; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                filler.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cts.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // This attempt hung: the queue is full, which is the state the tests need.
                return;
            }
        }
        throw new InvalidOperationException("Could not fill the listener's backlog; connect-timeout tests cannot run here.");
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public void Dispose()
    {
        foreach (var s in _fillers) s.Dispose();
        _listener.Dispose();
    }
}
