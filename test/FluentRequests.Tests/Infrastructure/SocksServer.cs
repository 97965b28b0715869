using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>What a SOCKS client asked for: the protocol version, how it named the destination, and who it said it was.</summary>
/// <param name="Version">4 (4a included) or 5.</param>
/// <param name="AddressKind"><c>ipv4</c>, <c>ipv6</c> or <c>domain</c>: <c>domain</c> means the proxy resolves the name.</param>
/// <param name="Host">The destination as sent: an address or a host name.</param>
/// <param name="Port">The destination port.</param>
/// <param name="User">The SOCKS5 user name or SOCKS4 user id, or <c>null</c>.</param>
/// <param name="Password">The SOCKS5 password, or <c>null</c>.</param>
public sealed record SocksRequest(int Version, string AddressKind, string Host, int Port, string? User, string? Password);

/// <summary>
/// A SOCKS4, SOCKS4a and SOCKS5 (RFC 1928, CONNECT only) server on 127.0.0.1, port 0, that records what each client
/// asked for and tunnels to it. With <c>credentials</c> a SOCKS5 client must authenticate with user name and password
/// (RFC 1929). Host names route like <see cref="ForwardProxy"/>'s.
/// </summary>
public sealed class SocksServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DnsEndPoint> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly (string User, string Password)? _credentials;
    private readonly LoopbackListener _listener;

    /// <param name="credentials">When set, SOCKS5 clients must send this user and password.</param>
    public SocksServer((string User, string Password)? credentials = null)
    {
        _credentials = credentials;
        _listener = new LoopbackListener(ServeAsync);
    }

    public int Port => _listener.Port;

    /// <summary>The proxy URL for <paramref name="scheme"/> (<c>socks5</c>, <c>socks5h</c>, <c>socks4</c>, <c>socks4a</c>).</summary>
    public string Url(string scheme, string? userInfo = null) => $"{scheme}://{(userInfo is null ? "" : userInfo + "@")}127.0.0.1:{Port}";

    public ConcurrentQueue<SocksRequest> Seen { get; } = new();

    /// <summary>Connects requests for <paramref name="host"/> to <paramref name="to"/> (a base URL).</summary>
    public SocksServer Route(string host, string to)
    {
        var uri = new Uri(to);
        _routes[host] = new DnsEndPoint(uri.Host, uri.Port);
        return this;
    }

    private async Task ServeAsync(Socket socket, CancellationToken token)
    {
        var client = new ProxyConnection(socket);
        var version = await client.ReadExactlyAsync(1, token);
        var request = version?[0] switch
        {
            4 => await Socks4Async(client, token),
            5 => await Socks5Async(client, token),
            _ => null,
        };
        if (request is null) return;
        Seen.Enqueue(request);
        EndPoint destination = request.AddressKind == "domain" && _routes.TryGetValue(request.Host, out var routed)
            ? routed
            : new DnsEndPoint(request.Host, request.Port);
        using var origin = new Socket(SocketType.Stream, ProtocolType.Tcp);
        bool connected = true;
        try
        {
            await origin.ConnectAsync(destination, token);
        }
        catch (SocketException)
        {
            connected = false;
        }
        await client.SendAsync(request.Version == 5
            ? new byte[] { 5, (byte)(connected ? 0 : 5), 0, 1, 0, 0, 0, 0, 0, 0 }
            : new byte[] { 0, (byte)(connected ? 0x5A : 0x5B), 0, 0, 0, 0, 0, 0 }, token);
        if (!connected) return;
        var down = new ProxyConnection(origin).PumpToAsync(socket, token);
        var up = client.PumpToAsync(origin, token);
        await Task.WhenAll(down, up);
    }

    private static async Task<SocksRequest?> Socks4Async(ProxyConnection client, CancellationToken token)
    {
        if (await client.ReadExactlyAsync(7, token) is not { } fixedPart || fixedPart[0] != 1) return null;
        int port = BinaryPrimitives.ReadUInt16BigEndian(fixedPart.AsSpan(1));
        var address = new IPAddress(fixedPart.AsSpan(3, 4));
        string? user = await client.ReadUntilZeroAsync(token) is { Length: > 0 } id ? Encoding.ASCII.GetString(id) : null;
        // SOCKS4a: 0.0.0.x (x non-zero) means a host name follows.
        if (fixedPart[3] == 0 && fixedPart[4] == 0 && fixedPart[5] == 0 && fixedPart[6] != 0)
        {
            var name = await client.ReadUntilZeroAsync(token);
            return name is null ? null : new SocksRequest(4, "domain", Encoding.ASCII.GetString(name), port, user, null);
        }
        return new SocksRequest(4, "ipv4", address.ToString(), port, user, null);
    }

    private async Task<SocksRequest?> Socks5Async(ProxyConnection client, CancellationToken token)
    {
        if (await client.ReadExactlyAsync(1, token) is not { } count) return null;
        if (await client.ReadExactlyAsync(count[0], token) is not { } methods) return null;
        byte wanted = _credentials is null ? (byte)0 : (byte)2;
        if (!methods.Contains(wanted))
        {
            await client.SendAsync(new byte[] { 5, 0xFF }, token);
            return null;
        }
        await client.SendAsync(new byte[] { 5, wanted }, token);
        string? user = null, password = null;
        if (wanted == 2)
        {
            // RFC 1929: VER=1, ULEN, UNAME, PLEN, PASSWD.
            if (await client.ReadExactlyAsync(2, token) is not { } userHead) return null;
            user = Encoding.UTF8.GetString(await client.ReadExactlyAsync(userHead[1], token) ?? []);
            if (await client.ReadExactlyAsync(1, token) is not { } passwordLength) return null;
            password = Encoding.UTF8.GetString(await client.ReadExactlyAsync(passwordLength[0], token) ?? []);
            bool ok = (user, password) == _credentials;
            await client.SendAsync(new byte[] { 1, (byte)(ok ? 0 : 1) }, token);
            if (!ok) return null;
        }
        if (await client.ReadExactlyAsync(4, token) is not { } head || head[1] != 1) return null;
        string kind;
        string host;
        switch (head[3])
        {
            case 1:
                kind = "ipv4";
                host = new IPAddress(await client.ReadExactlyAsync(4, token) ?? []).ToString();
                break;
            case 4:
                kind = "ipv6";
                host = new IPAddress(await client.ReadExactlyAsync(16, token) ?? []).ToString();
                break;
            case 3:
                kind = "domain";
                var length = await client.ReadExactlyAsync(1, token) ?? [0];
                host = Encoding.ASCII.GetString(await client.ReadExactlyAsync(length[0], token) ?? []);
                break;
            default:
                return null;
        }
        var portBytes = await client.ReadExactlyAsync(2, token) ?? [0, 0];
        return new SocksRequest(5, kind, host, BinaryPrimitives.ReadUInt16BigEndian(portBytes), user, password);
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
