namespace FluentRequests;

/// <summary>The process's environment variables and the user's home directory (HOME, or the account's, as .NET finds it).</summary>
internal sealed class ProcessEnvironmentSource : IEnvironmentSource
{
    public static readonly ProcessEnvironmentSource Instance = new();

    private ProcessEnvironmentSource()
    {
    }

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string? HomeDirectory
    {
        get
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return home.Length == 0 ? null : home;
        }
    }
}
