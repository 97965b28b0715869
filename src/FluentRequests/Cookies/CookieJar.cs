using System.Collections;
using System.Net;

namespace FluentRequests;

/// <summary>
/// A thread-safe cookie jar, as Requests' <c>RequestsCookieJar</c>: dictionary-like by name
/// (<c>jar["token"] = "abc"</c>), with domain and path when wanted. Cookies set without a domain are sent
/// to every host; cookies from Set-Cookie follow RFC 6265 through <see cref="CookieContainer"/>
/// (domain, path, expiry, Secure), and an expired Set-Cookie deletes the cookie.
/// Names and values you add are checked (a name is a token; a value is printable ASCII except <c>;</c>), so a
/// cookie can never add a header or another cookie to a request.
/// </summary>
public sealed class CookieJar : IEnumerable<Cookie>
{
    private readonly object _gate = new();
    // Created on first use: a session that never sees a cookie pays nothing.
    private CookieContainer? _container;
    private readonly List<Cookie> _anyHost = new();

    /// <summary>Gets the value of the first cookie with this name (<c>null</c> if none), or sets a cookie sent to every host.</summary>
    /// <param name="name">The cookie name.</param>
    public string? this[string name]
    {
        get => Get(name);
        set
        {
            if (value is null) Remove(name);
            else Set(name, value);
        }
    }

    /// <summary>How many cookies the jar holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _anyHost.Count + LiveCookies().Count();
        }
    }

    /// <summary>Sets a cookie. Without a domain it is sent to every host, as Requests' <c>jar.set(name, value)</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <param name="domain">The domain it belongs to, or <c>null</c> for every host.</param>
    /// <param name="path">The path it applies to. Default <c>/</c>.</param>
    /// <exception cref="ArgumentException">
    /// The name is not a token, or the value holds a control character (CR, LF, tab…), <c>;</c> or a non-ASCII
    /// character. Spaces, commas, double quotes and backslashes are sent as given.
    /// </exception>
    public void Set(string name, string value, string? domain = null, string path = "/")
    {
        CookieSyntax.Validate(name, value, nameof(name), nameof(value));
        Cookie cookie;
        try
        {
            cookie = new Cookie(name, value, path, domain ?? "");
        }
        catch (CookieException e)
        {
            throw new ArgumentException($"Invalid cookie '{name}': {e.Message}", nameof(name), e);
        }
        Add(cookie);
    }

    /// <summary>Adds a cookie; one with no domain is sent to every host.</summary>
    /// <param name="cookie">The cookie.</param>
    /// <exception cref="ArgumentException">The cookie's name or value is not valid, as for <see cref="Set"/>.</exception>
    public void Add(Cookie cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        CookieSyntax.Validate(cookie.Name, cookie.Value, nameof(cookie), nameof(cookie));
        AddUnchecked(cookie);
    }

    /// <summary>Adds a cookie already held by a jar: one a server set is kept as parsed (and not sent if unsafe).</summary>
    private void AddUnchecked(Cookie cookie)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(cookie.Domain))
            {
                _anyHost.RemoveAll(c => c.Name == cookie.Name && c.Path == cookie.Path);
                _anyHost.Add(cookie);
            }
            else
            {
                try
                {
                    Container.Add(cookie);
                }
                catch (CookieException e)
                {
                    throw new ArgumentException($"Invalid cookie '{cookie.Name}': {e.Message}", nameof(cookie), e);
                }
            }
        }
    }

    /// <summary>Gets the value of a cookie by name, optionally narrowed by domain and path.</summary>
    /// <param name="name">The name.</param>
    /// <param name="domain">The domain, or <c>null</c> for any.</param>
    /// <param name="path">The path, or <c>null</c> for any.</param>
    /// <returns>The value, or <c>null</c> when there is none.</returns>
    public string? Get(string name, string? domain = null, string? path = null)
        => this.FirstOrDefault(c => c.Name == name
            && (domain is null || string.Equals(c.Domain.TrimStart('.'), domain.TrimStart('.'), StringComparison.OrdinalIgnoreCase))
            && (path is null || c.Path == path))?.Value;

    /// <summary>Removes every cookie with this name, whatever its domain.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether any was removed.</returns>
    public bool Remove(string name)
    {
        lock (_gate)
        {
            bool removed = _anyHost.RemoveAll(c => c.Name == name) > 0;
            // CookieContainer cannot delete; an expired cookie is never sent and is pruned by the container.
            foreach (var c in LiveCookies().Where(c => c.Name == name).ToList())
            {
                c.Expired = true;
                removed = true;
            }
            return removed;
        }
    }

    /// <summary>Removes every cookie.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _anyHost.Clear();
            _container = null;
        }
    }

    /// <summary>The cookies' names and values; for repeated names the first wins.</summary>
    public Dictionary<string, string> ToDictionary()
    {
        var result = new Dictionary<string, string>();
        foreach (var c in this) result.TryAdd(c.Name, c.Value);
        return result;
    }

    /// <summary>Every cookie, host-less ones first; a snapshot, safe to enumerate while sending.</summary>
    public IEnumerator<Cookie> GetEnumerator()
    {
        List<Cookie> snapshot;
        lock (_gate)
        {
            snapshot = new List<Cookie>(_anyHost);
            snapshot.AddRange(LiveCookies());
        }
        return snapshot.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A copy holding the same cookies.</summary>
    public CookieJar Copy()
    {
        var copy = new CookieJar();
        copy.Update(this);
        return copy;
    }

    /// <summary>Adds every cookie of another jar, replacing those with the same name, domain and path.</summary>
    /// <param name="other">The jar to copy from.</param>
    public void Update(CookieJar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var c in other) AddUnchecked(Clone(c));
    }

    /// <summary>A jar holding the cookies of a <see cref="CookieContainer"/>.</summary>
    /// <param name="container">The container.</param>
    /// <exception cref="ArgumentException">A cookie's name or value is not valid, as for <see cref="Set"/>.</exception>
    public static CookieJar From(CookieContainer container)
    {
        var jar = new CookieJar();
        foreach (Cookie c in container.GetAllCookies()) jar.Add(Clone(c));
        return jar;
    }

    private CookieContainer Container => _container ??= new CookieContainer { Capacity = 3000, PerDomainCapacity = 300, MaxCookieSize = 8192 };

    internal bool IsEmpty
    {
        get
        {
            // Without the lock first: every call on a session asks, and a jar that never held a cookie is the usual case.
            if (Volatile.Read(ref _container) is null && _anyHost.Count == 0) return true;
            lock (_gate) return _anyHost.Count == 0 && !LiveCookies().Any();
        }
    }

    /// <summary>Stores each Set-Cookie value received from <paramref name="uri"/>.</summary>
    internal void StoreResponseCookies(Uri uri, IEnumerable<string> setCookieValues)
    {
        lock (_gate)
        {
            foreach (var value in setCookieValues)
            {
                try
                {
                    Container.SetCookies(uri, MaxAgeBeatsExpires(WithoutEscapedQuotes(value)));
                }
                catch (CookieException)
                {
                    // A malformed or foreign-domain Set-Cookie is ignored, as browsers and Requests do;
                    // it must not fail the request that carried it.
                    continue;
                }
            }
        }
    }

    /// <summary>
    /// When set, the cookies added without a domain go to this host only: per-request cookies belong to the host
    /// of the request they were given with, and a redirect to another host does not carry them.
    /// </summary>
    internal string? HostlessCookiesHost { get; set; }

    /// <summary>
    /// The cookies that apply to <paramref name="uri"/>, for building a Cookie header. A cookie a server set that
    /// could change the header's meaning (a name that is not a token; a control character, <c>;</c> or non-ASCII
    /// in the value) stays in the jar but is not sent.
    /// </summary>
    internal void CollectFor(Uri uri, Dictionary<string, string> into)
    {
        lock (_gate)
        {
            bool hostlessApply = HostlessCookiesHost is null || string.Equals(HostlessCookiesHost, uri.Host, StringComparison.OrdinalIgnoreCase);
            foreach (var c in _anyHost)
            {
                if (hostlessApply && PathMatches(uri.AbsolutePath, c.Path) && (!c.Secure || uri.Scheme == Uri.UriSchemeHttps)
                    && CookieSyntax.IsSendable(c.Name, c.Value))
                {
                    into[c.Name] = c.Value;
                }
            }
            if (_container is { Count: > 0 } container)
            {
                foreach (Cookie c in container.GetCookies(uri))
                {
                    if (CookieSyntax.IsSendable(c.Name, c.Value)) into[c.Name] = c.Value;
                }
            }
        }
    }

    /// <summary>
    /// Requests' <c>RequestsCookieJar.set_cookie</c>: a quoted value loses its backslash-escaped quotes, so
    /// <c>foo="\"bar:baz\""</c> (as Werkzeug quotes) is stored as <c>"bar:baz"</c> and the server reads back <c>bar:baz</c>.
    /// </summary>
    private static string WithoutEscapedQuotes(string setCookie)
    {
        int end = setCookie.IndexOf(';');
        if (end < 0) end = setCookie.Length;
        int eq = setCookie.IndexOf('=', 0, end);
        if (eq < 0) return setCookie;
        var value = setCookie.AsSpan(eq + 1, end - eq - 1).Trim();
        if (value.Length == 0 || value[0] != '"' || value[^1] != '"' || value.IndexOf("\\\"", StringComparison.Ordinal) < 0) return setCookie;
        return string.Concat(setCookie.AsSpan(0, eq + 1), value.ToString().Replace("\\\"", "", StringComparison.Ordinal), setCookie.AsSpan(end));
    }

    private IEnumerable<Cookie> LiveCookies()
        => _container is { Count: > 0 } container ? container.GetAllCookies().Where(c => !c.Expired) : [];

    /// <summary>
    /// RFC 6265 §5.3: when a Set-Cookie has both, Max-Age wins over Expires. CookieContainer applies whichever
    /// comes last, so Expires is dropped when Max-Age is present.
    /// </summary>
    private static string MaxAgeBeatsExpires(string setCookie)
    {
        if (setCookie.IndexOf("max-age", StringComparison.OrdinalIgnoreCase) < 0 || setCookie.IndexOf("expires", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return setCookie;
        }
        var parts = setCookie.Split(';');
        if (!parts.Skip(1).Any(p => p.TrimStart().StartsWith("max-age=", StringComparison.OrdinalIgnoreCase))) return setCookie;
        return string.Join(";", parts.Where((p, i) => i == 0 || !p.TrimStart().StartsWith("expires=", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool PathMatches(string requestPath, string cookiePath)
    {
        if (string.IsNullOrEmpty(cookiePath) || cookiePath == "/") return true;
        if (!requestPath.StartsWith(cookiePath, StringComparison.Ordinal)) return false;
        return requestPath.Length == cookiePath.Length || cookiePath.EndsWith('/') || requestPath[cookiePath.Length] == '/';
    }

    private static Cookie Clone(Cookie c) => new(c.Name, c.Value, c.Path, c.Domain)
    {
        Secure = c.Secure,
        HttpOnly = c.HttpOnly,
        Expires = c.Expires,
        Port = c.Port,
    };
}
