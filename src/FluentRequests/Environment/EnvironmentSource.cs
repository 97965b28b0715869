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

    /// <summary>A fixed set of variables and home directory, for tests.</summary>
    public static EnvironmentSource From(IReadOnlyDictionary<string, string> variables, string? homeDirectory = null)
        => new DictionaryEnvironmentSource(variables, homeDirectory);

    /// <summary>The value of <paramref name="name"/>, or <c>null</c> when it is unset or empty. Names are case-sensitive, as on Unix.</summary>
    public string? Get(string name) => Read(name) is { Length: > 0 } value ? value : null;

    /// <summary>The user's home directory, or <c>null</c> when there is none.</summary>
    public abstract string? HomeDirectory { get; }

    /// <summary>The raw value of a variable, or <c>null</c> when it is not set.</summary>
    protected abstract string? Read(string name);
}
