namespace FluentRequests;

/// <summary>The process's environment variables and the user's home directory.</summary>
internal sealed class ProcessEnvironmentSource : EnvironmentSource
{
    public override string? HomeDirectory
    {
        get
        {
            string home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return home.Length == 0 ? null : home;
        }
    }

    public override string? Get(string name) => System.Environment.GetEnvironmentVariable(name);
}
