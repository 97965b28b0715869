using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Transport;

/// <summary>
/// Sync calls under thread-pool starvation: 64 dedicated threads whose calls each need a new connection, while every
/// minimum thread of the pool is blocked. The server runs on dedicated threads with blocking sockets, so only the
/// client could need the pool. The connect itself is blocking on a sync call (SocketConnector); SocketsHttpHandler
/// still hands each new connection attempt to one pool work item, which the pool's growth provides — the rule is
/// that no call stalls beyond its timeouts, and every call gets its own, complete response.
/// Runs alone: it starves the process's thread pool on purpose.
/// </summary>
[NonParallelizable]
public class SyncConnectTests
{
    [Test]
    public void SyncCallsNeedingNewConnectionsCompleteUnderAStarvedThreadPool()
    {
        using var server = new BlockingServer();
        const int callers = 64;
        ThreadPool.GetMinThreads(out int minWorkers, out _);
        using var release = new ManualResetEventSlim();
        using var allBusy = new CountdownEvent(minWorkers);
        for (int i = 0; i < minWorkers; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                allBusy.Signal();
                release.Wait();
            }, null);
        }
        var times = new TimeSpan[callers];
        var errors = new Exception?[callers];
        try
        {
            Assert.That(allBusy.Wait(TimeSpan.FromSeconds(10)), "the pool's minimum threads are all busy");
            var threads = new Thread[callers];
            for (int i = 0; i < callers; i++)
            {
                int n = i;
                threads[i] = new Thread(() =>
                {
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        var response = Requests.Get(server.Url, timeout: (2, 5));
                        if (response.Text != "ok") throw new InvalidOperationException(response.Text);
                    }
                    catch (Exception e)
                    {
                        errors[n] = e;
                    }
                    times[n] = watch.Elapsed;
                })
                { IsBackground = true };
            }
            foreach (var t in threads) t.Start();
            foreach (var t in threads) Assert.That(t.Join(TimeSpan.FromSeconds(30)), "a sync call hung");
        }
        finally
        {
            release.Set();
        }
        TestContext.Out.WriteLine($"slowest {times.Max().TotalMilliseconds:F0} ms, connections {server.Connections}, "
            + $"pool min {minWorkers}, errors {errors.Count(e => e is not null)}");
        Assert.That(errors.Where(e => e is not null), Is.Empty, "every call succeeded: none timed out waiting for a connection");
        Assert.That(server.Connections, Is.EqualTo(callers), "each call opened its own connection");
        // The limits given: 2 s to connect, 5 s to read. A call stalled on the pool would exceed them.
        Assert.That(times.Max(), Is.LessThan(TimeSpan.FromSeconds(7)), "no call stalled beyond its timeouts");
    }

    [Test]
    public void SyncConnectToAClosedPortIsAConnectionError()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        listener.Dispose();
        var e = Assert.Throws<ConnectionException>(() => Requests.Get($"http://127.0.0.1:{port}/", timeout: (2, 2)));
        Assert.That(e!.Message, Does.Contain($"127.0.0.1:{port}"));
        Assert.That(e, Is.Not.InstanceOf<ConnectTimeoutException>());
    }

    [Test]
    public void SyncConnectHonoursTheConnectTimeout()
    {
        using var backlog = new FullBacklogListener();
        var watch = Stopwatch.StartNew();
        Assert.Throws<ConnectTimeoutException>(() => Requests.Get(backlog.Url, timeout: (0.5, 30)));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "bounded by the 0.5 s connect limit, not the 30 s read limit");
    }

    [Test]
    public void SyncConnectIsCancelledByTheCallersToken()
    {
        using var backlog = new FullBacklogListener();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var session = new Session();
        Assert.Throws(Is.InstanceOf<OperationCanceledException>(), () => session.Get(backlog.Url, timeout: (30, 30), cancellationToken: cts.Token));
    }

    /// <summary>An HTTP server on dedicated threads with blocking sockets: it needs nothing from the thread pool.</summary>
    private sealed class BlockingServer : IDisposable
    {
        private static readonly byte[] Reply = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<Socket> _clients = new();
        private int _connections;

        public BlockingServer()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(512);
            Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/";
            new Thread(Accept) { IsBackground = true }.Start();
        }

        public string Url { get; }

        public int Connections => Volatile.Read(ref _connections);

        private void Accept()
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = _listener.Accept();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
                Interlocked.Increment(ref _connections);
                lock (_clients) _clients.Add(client);
                new Thread(() => Serve(client)) { IsBackground = true }.Start();
            }
        }

        private static void Serve(Socket client)
        {
            var buffer = new byte[4096];
            var head = new StringBuilder();
            try
            {
                while (true)
                {
                    int n = client.Receive(buffer);
                    if (n == 0) return;
                    head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    while (head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) is int end and >= 0)
                    {
                        head.Remove(0, end + 4);
                        client.Send(Reply);
                    }
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The client or the test closed the connection.
            }
        }

        public void Dispose()
        {
            _listener.Dispose();
            lock (_clients)
            {
                foreach (var c in _clients) c.Dispose();
            }
        }
    }
}
