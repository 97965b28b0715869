using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>What a test proxy received: a request line and its Proxy-Authorization header, if any.</summary>
/// <param name="Method">The method, <c>CONNECT</c> for a tunnel.</param>
/// <param name="Target">The absolute URL, or <c>host:port</c> for a CONNECT.</param>
/// <param name="ProxyAuthorization">The Proxy-Authorization header, or <c>null</c>.</param>
public sealed record ProxiedRequest(string Method, string Target, string? ProxyAuthorization);

/// <summary>
/// An HTTP forward proxy on 127.0.0.1, port 0: forwards absolute-form requests (<c>GET http://host/path</c>) and
/// tunnels CONNECT, recording every request line. It can demand Proxy-Authorization (407 with a Basic challenge,
/// on the same connection), refuse CONNECT with a status, and route host names that do not resolve (<c>origin.test</c>)
/// to a loopback server. Each forwarded request gets its own origin connection and ends with <c>Connection: close</c>.
/// </summary>
public sealed class ForwardProxy : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DnsEndPoint> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly LoopbackListener _listener;

    /// <param name="credentials">When set (<c>user:password</c>), requests without the matching Basic Proxy-Authorization get 407.</param>
    /// <param name="refuseConnectWith">When set, every CONNECT is answered with this status.</param>
    public ForwardProxy(string? credentials = null, int? refuseConnectWith = null)
    {
        ExpectedAuthorization = credentials is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        RefuseConnectWith = refuseConnectWith;
        _listener = new LoopbackListener(ServeAsync);
    }

    public int Port => _listener.Port;

    /// <summary>The proxy URL, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The proxy URL with credentials in its user info (as given: percent-encode them yourself).</summary>
    public string UrlWith(string userInfo) => $"http://{userInfo}@127.0.0.1:{Port}";

    public string? ExpectedAuthorization { get; }

    public int? RefuseConnectWith { get; }

    /// <summary>Every request line received, oldest first, those answered 407 included.</summary>
    public ConcurrentQueue<ProxiedRequest> Seen { get; } = new();

    /// <summary>Sends requests for <paramref name="host"/> (any port) to <paramref name="to"/>, a base URL such as a WireMock server's.</summary>
    public ForwardProxy Route(string host, string to)
    {
        var uri = new Uri(to);
        _routes[host] = new DnsEndPoint(uri.Host, uri.Port);
        return this;
    }

    private DnsEndPoint Resolve(string host, int port) => _routes.TryGetValue(host, out var routed) ? routed : new DnsEndPoint(host, port);

    private async Task ServeAsync(Socket socket, CancellationToken token)
    {
        var client = new ProxyConnection(socket);
        while (await client.ReadHeadAsync(token) is { } head)
        {
            var lines = head.Split("\r\n");
            var parts = lines[0].Split(' ');
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .Select(p => (Name: p[0].Trim(), Value: p[1].Trim())).ToList();
            string? authorization = headers.Where(h => h.Name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value).FirstOrDefault();
            Seen.Enqueue(new ProxiedRequest(parts[0], parts[1], authorization));

            if (ExpectedAuthorization is not null && authorization != ExpectedAuthorization)
            {
                await SkipBodyAsync(client, headers, token);
                await client.SendAsync(
                    "HTTP/1.1 407 Proxy Authentication Required\r\n" +
                    "Proxy-Authenticate: Basic realm=\"test proxy\"\r\nContent-Length: 0\r\n\r\n", token);
                continue;
            }
            if (parts[0] == "CONNECT")
            {
                await TunnelAsync(client, parts[1], token);
            }
            else
            {
                await ForwardAsync(client, parts, headers, token);
            }
            return;
        }
    }

    private static async Task SkipBodyAsync(ProxyConnection client, List<(string Name, string Value)> headers, CancellationToken token)
    {
        var length = headers.FirstOrDefault(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (int.TryParse(length, out int n) && n > 0) await client.ReadExactlyAsync(n, token);
    }

    private async Task TunnelAsync(ProxyConnection client, string authority, CancellationToken token)
    {
        if (RefuseConnectWith is { } status)
        {
            await client.SendAsync($"HTTP/1.1 {status} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token);
            return;
        }
        int colon = authority.LastIndexOf(':');
        using var origin = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await origin.ConnectAsync(Resolve(authority[..colon].Trim('[', ']'), int.Parse(authority[(colon + 1)..])), token);
        }
        catch (SocketException)
        {
            await client.SendAsync("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token);
            return;
        }
        await client.SendAsync("HTTP/1.1 200 Connection established\r\n\r\n", token);
        await PipeAsync(client, origin, token);
    }

    private async Task ForwardAsync(ProxyConnection client, string[] requestLine, List<(string Name, string Value)> headers, CancellationToken token)
    {
        var target = new Uri(requestLine[1]);
        using var origin = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await origin.ConnectAsync(Resolve(target.Host, target.Port), token);
        var head = new StringBuilder($"{requestLine[0]} {target.PathAndQuery} {requestLine[2]}\r\n");
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        await origin.SendAsync(Encoding.Latin1.GetBytes(head.ToString()), SocketFlags.None, token);

        // The request body (whatever follows the head) goes on to the origin while its response comes back.
        var upstream = client.PumpToAsync(origin, token);
        var response = new ProxyConnection(origin);
        if (await response.ReadHeadAsync(token) is not { } responseHead) return;
        var kept = responseHead.Split("\r\n").Where(l => !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
        await client.SendAsync(string.Join("\r\n", kept) + "\r\nConnection: close\r\n\r\n", token);
        await response.PumpToAsync(client.Socket, token);
        client.Socket.Shutdown(SocketShutdown.Both);
        _ = upstream;
    }

    private static async Task PipeAsync(ProxyConnection client, Socket origin, CancellationToken token)
    {
        var down = new ProxyConnection(origin).PumpToAsync(client.Socket, token);
        var up = client.PumpToAsync(origin, token);
        await Task.WhenAll(down, up);
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
