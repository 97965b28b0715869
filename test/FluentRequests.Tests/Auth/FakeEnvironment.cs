namespace FluentRequests.Tests.Authentication;

/// <summary>An environment for one session: variables and a home directory of the test's own, never the process's.</summary>
internal sealed class FakeEnvironment : IEnvironmentSource, IDisposable
{
    private readonly Dictionary<string, string> _variables = new();

    public FakeEnvironment()
    {
        HomeDirectory = Path.Combine(Path.GetTempPath(), "fr-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(HomeDirectory);
    }

    public string HomeDirectory { get; }

    string? IEnvironmentSource.HomeDirectory => HomeDirectory;

    public string? GetVariable(string name) => _variables.GetValueOrDefault(name);

    public FakeEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>Writes a file in the fake home directory and returns its path.</summary>
    public string WriteHomeFile(string name, string text)
    {
        string path = Path.Combine(HomeDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(HomeDirectory, recursive: true);
}
