using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FluentRequests;

/// <summary>
/// Holds settings shared by many requests (Requests' <c>Session</c>): headers, cookies, auth, proxies,
/// TLS, default timeout, retries, hooks and a base URL. Safe to send from many threads at once, cookies
/// included; change settings before sharing it. Connections are pooled per transport settings and shared
/// by every session, so sessions are cheap to create.
/// </summary>
public sealed partial class Session : IDisposable, IAsyncDisposable
{
    /// <summary>The User-Agent sent by default: <c>FluentRequests/&lt;version&gt;</c>.</summary>
    public static string DefaultUserAgent { get; } = "FluentRequests/" + Version();

    /// <summary>
    /// The JSON options used for <c>json</c> bodies when a session does not set its own: property names as
    /// declared (no naming policy, like a Python dict's keys), non-ASCII and HTML characters written as-is,
    /// except characters beyond the Basic Multilingual Plane (emoji), which System.Text.Json always escapes.
    /// </summary>
    public static JsonSerializerOptions DefaultJsonOptions { get; } = new(JsonSerializerDefaults.General)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private volatile bool _disposed;

    /// <summary>Creates a session with Requests' defaults and a default timeout (<see cref="RequestTimeout.Default"/>).</summary>
    public Session() => Headers = DefaultHeaders.Copy();

    // Requests' default headers, shared by every new session's collection until that session changes it (copy on write).
    private static readonly HeaderCollection DefaultHeaders = CreateDefaultHeaders();

    private static HeaderCollection CreateDefaultHeaders()
    {
        var headers = new HeaderCollection();
        headers.SetUnchecked("User-Agent", DefaultUserAgent);
        headers.SetUnchecked("Accept-Encoding", "gzip, deflate, br");
        headers.SetUnchecked("Accept", "*/*");
        headers.SetUnchecked("Connection", "keep-alive");
        return headers;
    }

    /// <summary>Headers sent with every request; a request's header of the same name (any case) wins, a <c>null</c> one removes it.</summary>
    /// <value>
    /// The default value is User-Agent <see cref="DefaultUserAgent"/>, Accept-Encoding <c>gzip, deflate, br</c>,
    /// Accept <c>*/*</c> and Connection <c>keep-alive</c>.
    /// </value>
    public HeaderCollection Headers { get; }

    /// <summary>Cookies sent where they apply, and where Set-Cookie from every response is stored.</summary>
    /// <value>The default value is an empty jar.</value>
    public CookieJar Cookies { get; } = new();

    /// <summary>Authentication for every request; a request's own <c>auth</c> wins, and this beats <c>.netrc</c> and credentials in the URL.</summary>
    /// <value>The default value is <see langword="null"/>: no authentication.</value>
    public Auth? Auth { get; set; }

    /// <summary>
    /// Proxies by <c>http</c>, <c>https</c>, <c>all</c>, <c>scheme://host</c> or <c>all://host</c> (the most specific key
    /// wins); a request's own win. A value is a proxy URL (http, https, socks4, socks4a, socks5, socks5h; credentials as
    /// <c>user:pass@</c>), or empty or <c>"no"</c> for a direct connection. They beat the environment's proxies.
    /// </summary>
    /// <value>The default value is an empty dictionary: no proxy.</value>
    public IDictionary<string, string> Proxies => _proxies ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    // Created on first use: a session that never sets them costs less.
    private Dictionary<string, string>? _proxies;
    private Dictionary<string, object?>? _params;
    private Hooks? _hooks;

    /// <summary>Query parameters added to every request; a request's parameter of the same name wins, a <c>null</c> one removes it.</summary>
    /// <value>The default value is an empty dictionary.</value>
    public IDictionary<string, object?> Params => _params ??= new Dictionary<string, object?>();

    /// <summary>
    /// TLS verification: <c>true</c> (the system's trust store), <c>false</c>, or the path of a CA bundle.
    /// Once set, to any value (<c>true</c> included), it beats <c>REQUESTS_CA_BUNDLE</c> and <c>CURL_CA_BUNDLE</c>.
    /// </summary>
    /// <value>
    /// The default value is <see cref="Verify.System"/> (<c>true</c>); while unset, with <see cref="TrustEnv"/>, a CA bundle
    /// named by <c>REQUESTS_CA_BUNDLE</c> or else <c>CURL_CA_BUNDLE</c> is used instead.
    /// </value>
    public Verify Verify
    {
        get => _verify ?? Verify.System;
        set => _verify = value ?? throw new ArgumentNullException(nameof(value));
    }

    // Null until set: only then may REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE choose the CA bundle.
    private Verify? _verify;

    /// <summary>The TLS client certificate.</summary>
    /// <value>The default value is <see langword="null"/>: no client certificate.</value>
    public ClientCert? Cert { get; set; }

    /// <summary>Whether responses stream by default (then dispose them).</summary>
    /// <value>The default value is <see langword="false"/>: bodies are read before the call returns.</value>
    public bool Stream { get; set; }

    /// <summary>The most redirects one call follows before <see cref="TooManyRedirectsException"/>.</summary>
    /// <value>The default value is 30, as Requests. Must not be negative.</value>
    public int MaxRedirects
    {
        get => _maxRedirects;
        set => _maxRedirects = value >= 0 ? value : throw new ArgumentException($"MaxRedirects must not be negative; got {value}.", nameof(value));
    }

    private int _maxRedirects = 30;

    /// <summary>
    /// Whether a redirect from https to http is followed (its Authorization is stripped either way);
    /// <c>false</c> refuses such a redirect with a <see cref="RequestException"/>.
    /// </summary>
    /// <value>The default value is <see langword="true"/>, as Requests.</value>
    public bool AllowHttpsToHttpRedirects { get; set; } = true;

    /// <summary>
    /// Whether environment settings may be used, as Requests' <c>trust_env</c>: the proxy variables http_proxy,
    /// https_proxy, all_proxy (lowercase before uppercase) and no_proxy, read when each call starts; the CA bundle of
    /// <c>REQUESTS_CA_BUNDLE</c>/<c>CURL_CA_BUNDLE</c>; and <c>.netrc</c> credentials (the NETRC file, else ~/.netrc,
    /// else ~/_netrc). Explicit <see cref="Proxies"/>, <see cref="Verify"/> and auth always win: the environment
    /// applies only where they say nothing.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool TrustEnv { get; set; } = true;

    /// <summary>
    /// Set on <see cref="ForRequests"/>: no cookie a response sets is stored in the session's jar, so the calls that share
    /// this session share no cookie. A call's own redirects still carry them: each redirect stores its response's cookies
    /// in the next request's own jar, as Requests' resolve_redirects does (RequestsSharedSessionTests compare the wire
    /// with a fresh session's).
    /// </summary>
    internal bool KeepsNoCookies { get; private init; }

    /// <summary>
    /// The session behind <c>Requests.*</c> and <c>Requests.Url</c>: Requests' defaults, never changed, shared by every
    /// such call. It behaves as Requests' throwaway session per call (no cookie or auth outlives a call, since
    /// <see cref="KeepsNoCookies"/>) without making one: a new session and its options per call cost about 500 B.
    /// Made again if a test changes <see cref="EnvironmentSource.ForNewSessions"/>.
    /// </summary>
    internal static Session ForRequests
    {
        get
        {
            var session = s_forRequests;
            if (session is not null && ReferenceEquals(session._environment, EnvironmentSource.ForNewSessions)) return session;
            session = new Session { KeepsNoCookies = true };
            s_forRequests = session;
            return session;
        }
    }

    private static volatile Session? s_forRequests;

    /// <summary>Where <see cref="TrustEnv"/> settings are read: the process environment, or a test's own variables.</summary>
    internal EnvironmentSource EnvironmentSource
    {
        get => _environment;
        set
        {
            _environment = value;
            // A test's own environment gets its own .netrc lookup, rate-limited as the process's is: tests see what users see.
            _netrc = ReferenceEquals(value, EnvironmentSource.Process) ? NetrcSource.Process : new NetrcSource(value);
        }
    }

    private EnvironmentSource _environment = EnvironmentSource.ForNewSessions;

    /// <summary>
    /// The timeout of every request that gives none: 10 s to connect and 60 s <em>per read</em>, not for the whole call
    /// (Requests' meaning), so a body that keeps trickling in never times out; add a deadline for the whole call with
    /// <see cref="RequestTimeout.WithTotal"/> or a call's <c>totalTimeout</c>. Never unbounded unless set to
    /// <see cref="RequestTimeout.Infinite"/>.
    /// </summary>
    /// <value>The default value is <see cref="RequestTimeout.Default"/>: 10 s to connect, 60 s for each read, no total deadline.</value>
    public RequestTimeout? Timeout { get; set; } = RequestTimeout.Default;

    /// <summary>The retry policy of every request that gives none; <see cref="RetryPolicy.None"/> does not retry. A call's <c>retry</c> beats it.</summary>
    /// <value>The default value is <see langword="null"/>: no retries.</value>
    public RetryPolicy? Retry { get; set; }

    /// <summary>Response hooks run on every response.</summary>
    /// <value>The default value is an empty set of hooks.</value>
    public Hooks Hooks => _hooks ??= new Hooks();

    /// <summary>A base URL: a URL without a scheme is appended to it (with exactly one <c>/</c> between).</summary>
    /// <value>The default value is <see langword="null"/>: every URL must be absolute.</value>
    public string? BaseUrl { get; set; }

    /// <summary>The JSON options for <c>json</c> bodies (not for reading responses).</summary>
    /// <value>The default value is <see cref="DefaultJsonOptions"/>.</value>
    public JsonSerializerOptions JsonOptions { get; set; } = DefaultJsonOptions;

    /// <summary>The fluent entry: an immutable builder for a request to <paramref name="url"/> on this session.</summary>
    /// <param name="url">The URL, absolute or relative to <see cref="BaseUrl"/>.</param>
    public RequestBuilder Url(string url) => new(this, url);

    // Send/SendAsync of a prepared request, and the verbs, are generated from the argument table
    // (src/FluentRequests.Generators/ArgumentTable.cs).

    /// <summary>
    /// Marks the session closed; later sends throw <see cref="ObjectDisposedException"/>. Pooled connections stay for other
    /// sessions. A session built over a caller's handler disposes it only when it was told to (<c>disposeHandler</c>).
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _callerTransport?.Invoker.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // Async callers get every error through the returned task, never thrown before it exists: `await` and
    // Task.WhenAll see a bad URL or proxy the same way as a failed connection.
    internal ValueTask<Response> RequestCoreAsync(string method, string url, RequestArgs args, bool async, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(url);
            var prepared = PrepareCore(method, url, args.Headers, args.Params, args.Data, args.Json, args.Files, args.Cookies, args.Auth, hooks: null);
            return SendCoreAsync(prepared, MergeOptions(args, allowRedirectsDefault: prepared.Method != "HEAD", prepared.Uri), async, cancellationToken);
        }
        catch (Exception e) when (async)
        {
            return Faulted(e, cancellationToken);
        }
    }

    internal ValueTask<Response> SendPreparedCoreAsync(PreparedRequest request, RequestArgs args, bool async, CancellationToken cancellationToken)
    {
        try
        {
            return SendCoreAsync(request, MergeOptions(args, allowRedirectsDefault: true, request.Uri), async, cancellationToken);
        }
        catch (Exception e) when (async)
        {
            return Faulted(e, cancellationToken);
        }
    }

    private static ValueTask<Response> Faulted(Exception e, CancellationToken cancellationToken)
        => e is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<Response>(cancellationToken)
            : ValueTask.FromException<Response>(e);

    internal ValueTask<Response> SendCoreAsync(PreparedRequest request, SendOptions options, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (ProxyAuthorization.For(options.ProxyFor(request.Uri), request.Uri) is { } proxyAuthorization)
        {
            // Requests' adapter sends a plain-http proxy the credentials of its URL; the caller's request stays as it was.
            request = request.Copy();
            request.Headers.SetUnchecked(ProxyAuthorization.HeaderName, proxyAuthorization);
        }
        return CallTelemetry.ExecuteAsync(new Call(request, options), this, async, cancellationToken);
    }

    private static string Version()
    {
        var info = typeof(Session).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = info.IndexOf('+');
        return plus < 0 ? info : info[..plus];
    }
}
