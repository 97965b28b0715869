using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.AotSample;

/// <summary>One request as <see cref="MiniServer"/> read it.</summary>
internal sealed record MiniRequest(string Method, string Target, Dictionary<string, string> Headers, byte[] Body)
{
    public string Path => Target.Split('?')[0];

    /// <summary>The query parameters, decoded; a repeated name keeps its last value.</summary>
    public Dictionary<string, string> Query
    {
        get
        {
            var query = new Dictionary<string, string>();
            int mark = Target.IndexOf('?');
            if (mark < 0) return query;
            foreach (var pair in Target[(mark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                query[WebUtility.UrlDecode(parts[0])] = WebUtility.UrlDecode(parts.Length > 1 ? parts[1] : "");
            }
            return query;
        }
    }
}

/// <summary>One response for <see cref="MiniServer"/> to write.</summary>
internal sealed record MiniResponse(int Status, string ContentType, byte[] Body, IReadOnlyList<(string Name, string Value)>? Headers = null);

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 port 0 over raw sockets (Kestrel is heavier than this sample needs under
/// Native AOT): one request per connection, answered with Connection: close.
/// </summary>
internal sealed class MiniServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<MiniRequest, MiniResponse> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public MiniServer(Func<MiniRequest, MiniResponse> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = AcceptAsync();
    }

    public string BaseUrl { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            var request = await ReadAsync(stream);
            var response = _handler(request);
            var head = new StringBuilder()
                .Append($"HTTP/1.1 {response.Status} {(response.Status == 302 ? "Found" : "OK")}\r\n")
                .Append($"Content-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\nConnection: close\r\n");
            foreach (var (name, value) in response.Headers ?? []) head.Append($"{name}: {value}\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
            await stream.WriteAsync(response.Body);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // The client went away; nothing to answer.
        }
    }

    private static async Task<MiniRequest> ReadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 4 || !(buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("The client closed before a whole request head.");
            buffer.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body);
        return new MiniRequest(requestLine[0], requestLine[1], headers, body);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
