using System.Net;

namespace FluentRequests;

/// <summary>
/// A <c>NO_PROXY</c> value: comma-separated entries, each <c>*</c> (every host), a host name (that host and its
/// subdomains; a leading <c>.</c> or <c>*.</c> means the same), an IP address, a CIDR block, or any of those with a
/// <c>:port</c> that must equal the URL's port (the scheme's default when the URL gives none). Matching is on whole
/// labels: <c>example.com</c> does not match <c>notexample.com</c> (Requests' own suffix check would).
/// </summary>
internal sealed class NoProxyList
{
    private readonly Entry[] _entries;
    private readonly bool _everything;

    private NoProxyList(Entry[] entries, bool everything)
    {
        _entries = entries;
        _everything = everything;
    }

    private readonly record struct Entry(string? Host, IPNetwork? Network, int? Port);

    public static NoProxyList Parse(string? value)
    {
        var entries = new List<Entry>();
        bool everything = false;
        foreach (var raw in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw == "*")
            {
                everything = true;
                continue;
            }
            if (ParseEntry(raw) is { } entry) entries.Add(entry);
        }
        return new NoProxyList([.. entries], everything);
    }

    private static Entry? ParseEntry(string raw)
    {
        string text = raw;
        int? port = null;
        // host:port or [v6]:port; a bare IPv6 address has several colons and no port.
        int lastColon = text.LastIndexOf(':');
        if (lastColon > 0 && (text.IndexOf(':') == lastColon || text.StartsWith('[')) && !text.EndsWith(']'))
        {
            if (!int.TryParse(text.AsSpan(lastColon + 1), out int p) || p is < 0 or > 65535) return null;
            port = p;
            text = text[..lastColon];
        }
        text = text.Trim('[', ']');
        if (Network(text) is { } network) return new Entry(null, network, port);
        if (text.StartsWith("*.", StringComparison.Ordinal)) text = text[1..];
        text = text.TrimStart('.');
        return text.Length == 0 ? null : new Entry(text, null, port);
    }

    /// <summary>An address or a CIDR block; host bits set in a block's address are ignored (<c>10.1.2.3/8</c> is <c>10.0.0.0/8</c>).</summary>
    private static IPNetwork? Network(string text)
    {
        int slash = text.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address)) return null;
        byte[] bytes = address.GetAddressBytes();
        int prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), out prefix) || prefix < 0 || prefix > bytes.Length * 8)) return null;
        for (int bit = prefix; bit < bytes.Length * 8; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new IPNetwork(new IPAddress(bytes), prefix);
    }

    /// <summary>Whether a request to <paramref name="url"/> must not use an environment proxy.</summary>
    public bool Bypasses(Uri url)
    {
        if (_everything) return true;
        if (_entries.Length == 0) return false;
        string host = url.IdnHost.Trim('[', ']');
        IPAddress? address = IPAddress.TryParse(host, out var parsed) ? parsed : null;
        foreach (var entry in _entries)
        {
            if (entry.Port is { } port && port != url.Port) continue;
            if (entry.Network is { } network)
            {
                if (address is not null && network.Contains(address)) return true;
            }
            else if (address is null && MatchesDomain(host, entry.Host!))
            {
                return true;
            }
        }
        return false;
    }

    private static bool MatchesDomain(string host, string name)
        => host.Equals(name, StringComparison.OrdinalIgnoreCase)
           || (host.Length > name.Length && host.EndsWith(name, StringComparison.OrdinalIgnoreCase) && host[^(name.Length + 1)] == '.');
}
