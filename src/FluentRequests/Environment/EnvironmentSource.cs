namespace FluentRequests;

/// <summary>
/// Where settings from the environment (Requests' <c>trust_env</c>) are read. The process environment in
/// production; tests give a session their own source so no variable leaks into tests running in parallel.
/// </summary>
internal sealed class EnvironmentSource(Func<string, string?> read)
{
    /// <summary>The variables of this process, read at each call (cheap: no copy of the environment is made).</summary>
    public static EnvironmentSource Process { get; } = new(System.Environment.GetEnvironmentVariable);

    /// <summary>A fixed set of variables, for tests.</summary>
    public static EnvironmentSource From(IReadOnlyDictionary<string, string> variables)
        => new(name => variables.TryGetValue(name, out var value) ? value : null);

    /// <summary>The value of <paramref name="name"/>, or <c>null</c> when it is unset or empty.</summary>
    public string? Get(string name) => read(name) is { Length: > 0 } value ? value : null;
}
