namespace FluentRequests;

/// <summary>The process's environment variables and the user's home directory.</summary>
internal sealed class ProcessEnvironmentSource : EnvironmentSource
{
    public override string? HomeDirectory
    {
        get
        {
            // DoNotVerify: Python's expanduser does not check that the directory exists either, and the check is an
            // access(2) call per request (about 1 µs); a missing home only means no ~/.netrc is found.
            string home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile, System.Environment.SpecialFolderOption.DoNotVerify);
            return home.Length == 0 ? null : home;
        }
    }

    public override string? Get(string name) => System.Environment.GetEnvironmentVariable(name);
}
