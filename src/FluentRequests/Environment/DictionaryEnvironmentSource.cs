namespace FluentRequests;

/// <summary>An environment given as a dictionary: what tests give a session instead of the process's.</summary>
internal sealed class DictionaryEnvironmentSource(IReadOnlyDictionary<string, string> variables, string? homeDirectory = null) : EnvironmentSource
{
    public override string? HomeDirectory { get; } = homeDirectory;

    public override string? Get(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
