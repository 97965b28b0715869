namespace FluentRequests;

/// <summary>
/// Where a session reads the environment when <see cref="Session.TrustEnv"/> is on: variables (proxies, CA bundles,
/// NETRC) and the home directory (~/.netrc). A seam rather than direct <see cref="System.Environment"/> calls so tests
/// can give one session its own environment without changing the process's, which parallel tests share.
/// </summary>
internal abstract class EnvironmentSource
{
    /// <summary>The process's own environment, read at each call (cheap: no copy of the environment is made).</summary>
    public static EnvironmentSource Process { get; } = new ProcessEnvironmentSource();

    /// <summary>
    /// What a new session reads: the process's. The test assembly sets it once, before any test, to the process's
    /// without proxy variables, so a developer's http_proxy cannot send loopback test traffic to a real proxy.
    /// </summary>
    public static EnvironmentSource ForNewSessions { get; set; } = Process;

    /// <summary>A fixed set of variables and home directory, for tests.</summary>
    public static EnvironmentSource From(IReadOnlyDictionary<string, string> variables, string? homeDirectory = null)
        => new DictionaryEnvironmentSource(variables, homeDirectory);

    /// <summary>
    /// The value of <paramref name="name"/> as set (an empty value stays empty: an empty http_proxy turns the proxy
    /// off), or <c>null</c> when it is not set. Names are case-sensitive, as on Unix.
    /// </summary>
    public abstract string? Get(string name);

    /// <summary>The value of <paramref name="name"/>, or <c>null</c> when it is unset or empty (Python's <c>environ.get(name) or …</c>).</summary>
    public string? GetNonEmpty(string name) => Get(name) is { Length: > 0 } value ? value : null;

    /// <summary>The user's home directory, or <c>null</c> when there is none.</summary>
    public abstract string? HomeDirectory { get; }
}
