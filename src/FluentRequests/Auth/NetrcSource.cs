namespace FluentRequests;

/// <summary>
/// Finds and reads the <c>.netrc</c> file as Requests' <c>get_netrc_auth</c>: the file named by <c>NETRC</c> when that
/// variable is set (even to an empty or missing path: then there is none), else <c>~/.netrc</c>, else <c>~/_netrc</c>;
/// the first path that exists is the one used, and a directory, an unreadable or a malformed file gives no credentials.
/// <para>
/// Cost on the send path: <c>NETRC</c> and the home directory are read on every call, as Requests does (a lookup in
/// the process's copy of its environment), so a changed variable takes effect on the next request. Only the file
/// system is rate-limited: which file exists and its size and write time are looked at again at most once per
/// <see cref="RevalidateAfter"/> (one second) while the variables stay the same. So the usual case, no file at all,
/// costs about one <c>stat</c> a second, not one per request; an edited, created or deleted file is seen within a
/// second. The file is parsed again only when its path, size or write time changed.
/// </para>
/// </summary>
internal sealed class NetrcSource
{
    /// <summary>The process's netrc, shared by every session that does not set its own environment.</summary>
    public static readonly NetrcSource Process = new(EnvironmentSource.Process);

    private static readonly string[] HomeFileNames = [".netrc", "_netrc"];

    private Snapshot? _snapshot;

    public NetrcSource(EnvironmentSource environment, TimeSpan? revalidateAfter = null)
    {
        Environment = environment;
        RevalidateAfter = revalidateAfter ?? TimeSpan.FromSeconds(1);
    }

    public EnvironmentSource Environment { get; }

    public TimeSpan RevalidateAfter { get; }

    /// <summary>The netrc credentials for the URL's host, or <c>null</c>.</summary>
    public BasicAuth? AuthFor(Uri uri)
    {
        var location = new Location(Environment.Get("NETRC"), Environment.HomeDirectory);
        var snapshot = Volatile.Read(ref _snapshot);
        long now = System.Environment.TickCount64;
        if (snapshot is null || snapshot.Location != location || now - snapshot.CheckedAt >= (long)RevalidateAfter.TotalMilliseconds)
        {
            snapshot = Revalidate(snapshot, location, now);
            Volatile.Write(ref _snapshot, snapshot);
        }
        if (snapshot.File is null) return null;
        string host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return snapshot.File.AuthFor(host);
    }

    private static Snapshot Revalidate(Snapshot? previous, Location location, long now)
    {
        string? path = Locate(location);
        if (path is null) return new Snapshot(now, location, null, default, 0, null);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return new Snapshot(now, location, path, default, 0, null);
            var written = info.LastWriteTimeUtc;
            long length = info.Length;
            if (previous is not null && previous.Path == path && previous.LastWrite == written && previous.Length == length)
            {
                return previous with { CheckedAt = now, Location = location };
            }
            return new Snapshot(now, location, path, written, length, NetrcFile.Parse(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // Requests skips a file it cannot read (OSError), as it skips one it cannot parse.
            return new Snapshot(now, location, path, default, 0, null);
        }
    }

    /// <summary>
    /// The path Requests would use: NETRC's, else the first of ~/.netrc and ~/_netrc that exists (a directory counts,
    /// and then gives nothing).
    /// </summary>
    private static string? Locate(Location location)
    {
        string? home = location.Home;
        if (location.Netrc is { } named)
        {
            string path = ExpandUser(named, home);
            return path.Length > 0 && Path.Exists(path) ? path : null;
        }
        if (home is null) return null;
        foreach (string name in HomeFileNames)
        {
            string path = Path.Combine(home, name);
            if (Path.Exists(path)) return path;
        }
        return null;
    }

    private static string ExpandUser(string path, string? home)
    {
        if (home is null || path.Length == 0 || path[0] != '~') return path;
        if (path.Length == 1) return home;
        return path[1] is '/' or '\\' ? Path.Join(home, path[2..]) : path;
    }

    /// <summary>What decides where the file is: the NETRC variable (<c>null</c> when unset) and the home directory.</summary>
    private readonly record struct Location(string? Netrc, string? Home);

    private sealed record Snapshot(long CheckedAt, Location Location, string? Path, DateTime LastWrite, long Length, NetrcFile? File);
}
