using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Transport;

/// <summary>Transport failures map into the exception tree; no raw HttpRequestException, SocketException or TaskCanceledException escapes.</summary>
public class TransportErrorTests
{
    private static int FreePortNobodyListensOn()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Test]
    public async Task ConnectionRefusedIsConnectionExceptionNamingTheUrl([Values] bool async)
    {
        string url = $"http://127.0.0.1:{FreePortNobodyListensOn()}/refused";

        var e = await Send.Throws<ConnectionException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(e, Is.TypeOf<ConnectionException>(), "not a timeout, proxy or TLS error");
        Assert.That(e.Message, Does.Contain(url));
        Assert.That(e.Request, Is.Not.Null);
        Assert.That(e.Request!.Url, Is.EqualTo(url));
        Assert.That(e.Response, Is.Null);
    }

    [Test]
    public async Task UnresolvableHostIsConnectionExceptionNamingTheHost([Values] bool async)
    {
        const string url = "http://nonexistent-host.invalid/path";

        var e = await Send.Throws<ConnectionException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(e, Is.TypeOf<ConnectionException>());
        Assert.That(e.Message, Does.Contain("nonexistent-host.invalid"));
    }

    [Test]
    public async Task ConnectionResetByServerIsConnectionException([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(ctx =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });
        string url = server.Url("/reset");

        var e = await Send.Throws<ConnectionException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(e.Message, Does.Contain(url));
        Assert.That(e.InnerException, Is.Not.Null, "the cause is kept as the inner exception");
    }

    [Test]
    public async Task CancelledTokenWhileWaitingIsOperationCanceledNotRequestException([Values] bool async)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            started.TrySetResult();
            await never.Task.WaitAsync(ctx.RequestAborted);
        });
        string url = server.Url("/slow");
        using var cts = new CancellationTokenSource();
        var cancelWhenStarted = started.Task.ContinueWith(_ => cts.Cancel(), TaskScheduler.Default);

        var e = await Send.Throws<OperationCanceledException>(async,
            () => Requests.Get(url, cancellationToken: cts.Token),
            () => Requests.GetAsync(url, cancellationToken: cts.Token));

        await cancelWhenStarted;
        Assert.That(e, Is.InstanceOf<OperationCanceledException>());
        Assert.That(e, Is.Not.InstanceOf<RequestException>());
        Assert.That(e.CancellationToken, Is.EqualTo(cts.Token), "it reports the caller's token");
    }

    [Test]
    public async Task CancelledTokenWhileReceivingTheBodyIsOperationCanceled([Values] bool async)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentLength = 1000;
            await ctx.Response.Body.WriteAsync(new byte[10]);
            await ctx.Response.Body.FlushAsync();
            flushed.TrySetResult();
            await never.Task.WaitAsync(ctx.RequestAborted);
        });
        string url = server.Url("/half");
        using var cts = new CancellationTokenSource();
        var cancelWhenFlushed = flushed.Task.ContinueWith(_ => cts.Cancel(), TaskScheduler.Default);

        var e = await Send.Throws<OperationCanceledException>(async,
            () => Requests.Get(url, cancellationToken: cts.Token),
            () => Requests.GetAsync(url, cancellationToken: cts.Token));

        await cancelWhenFlushed;
        Assert.That(e, Is.Not.InstanceOf<RequestException>());
    }

    [Test]
    public async Task CancelledTokenWhileStreamingTheBodyIsOperationCanceled()
    {
        var never = new TaskCompletionSource();
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            await ctx.Response.WriteAsync("first");
            await ctx.Response.Body.FlushAsync();
            await never.Task.WaitAsync(ctx.RequestAborted);
        });
        using var cts = new CancellationTokenSource();
        await using var response = await Requests.GetAsync(server.Url("/"), stream: true);

        var chunks = new List<byte[]>();
        var e = await Send.Throws<OperationCanceledException>(true, () => null, async () =>
        {
            await foreach (var chunk in response.IterContentAsync(cancellationToken: cts.Token))
            {
                chunks.Add(chunk);
                cts.Cancel();
            }
        });

        Assert.That(chunks, Has.Count.EqualTo(1));
        Assert.That(e, Is.Not.InstanceOf<RequestException>());
    }

    [Test]
    public async Task AlreadyCancelledTokenSendsNothing([Values] bool async)
    {
        int hits = 0;
        await using var server = await KestrelServer.StartAsync(ctx =>
        {
            Interlocked.Increment(ref hits);
            return ctx.Response.WriteAsync("ok");
        });
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        string url = server.Url("/");

        var e = await Send.Throws<OperationCanceledException>(async,
            () => Requests.Get(url, cancellationToken: cts.Token),
            () => Requests.GetAsync(url, cancellationToken: cts.Token));

        Assert.That(e, Is.Not.InstanceOf<RequestException>());
        Assert.That(hits, Is.Zero);
    }

    /// <summary>
    /// A raw TCP server that answers every connection with a Content-Length of 1000 but only 100 bytes, then closes its
    /// side gracefully (FIN after the data, so the client surely receives the headers). Kestrel cannot do this: its
    /// Abort may discard output still in its pipe.
    /// </summary>
    private sealed class TruncatingServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public TruncatingServer()
        {
            _listener.Start();
            _loop = AcceptLoop();
        }

        public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                _ = Serve(socket);
            }
        }

        private static async Task Serve(Socket socket)
        {
            using (socket)
            {
                var received = new List<byte>();
                var buffer = new byte[4096];
                while (!EndsWithBlankLine(received))
                {
                    int n = await socket.ReceiveAsync(buffer);
                    if (n == 0) return;
                    received.AddRange(buffer.AsSpan(0, n).ToArray());
                }
                await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n"u8.ToArray());
                await socket.SendAsync(new byte[100]);
                socket.Shutdown(SocketShutdown.Send);
                // Wait for the client to close too, so closing here sends no RST.
                while (await socket.ReceiveAsync(buffer) > 0) { }
            }
        }

        private static bool EndsWithBlankLine(List<byte> bytes)
            => bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }
    }

    [Test]
    public async Task BodyCutShortIsChunkedEncodingException([Values] bool async)
    {
        await using var server = new TruncatingServer();
        string url = server.Url("/short");

        var e = await Send.Throws<ChunkedEncodingException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(e.Message, Does.Contain(url));
    }

    [Test]
    public async Task StreamedBodyCutShortIsChunkedEncodingException([Values] bool async)
    {
        await using var server = new TruncatingServer();
        string url = server.Url("/short");
        await using var response = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true));
        var chunks = new List<byte[]>();

        var e = await Send.Throws<ChunkedEncodingException>(async,
            () => { chunks.AddRange(response.IterContent(64)); return null; },
            async () => { await foreach (var chunk in response.IterContentAsync(64)) chunks.Add(chunk); });

        Assert.That(chunks.Sum(c => c.Length), Is.EqualTo(100), "the bytes that did arrive were delivered first");
        Assert.That(e.Message, Does.Contain(url));
    }
}
