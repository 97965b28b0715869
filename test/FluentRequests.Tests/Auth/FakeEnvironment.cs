namespace FluentRequests.Tests.Authentication;

/// <summary>An environment for one session: variables and a home directory of the test's own, never the process's.</summary>
internal sealed class FakeEnvironment : EnvironmentSource, IDisposable
{
    private readonly Dictionary<string, string> _variables = new();

    public FakeEnvironment()
    {
        Home = Path.Combine(Path.GetTempPath(), "fr-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
    }

    /// <summary>The fake home directory (never null, unlike the base's).</summary>
    public string Home { get; }

    public override string? HomeDirectory => Home;

    public override string? Get(string name) => _variables.GetValueOrDefault(name);

    public FakeEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>Writes a file in the fake home directory and returns its path.</summary>
    public string WriteHomeFile(string name, string text)
    {
        string path = Path.Combine(Home, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
