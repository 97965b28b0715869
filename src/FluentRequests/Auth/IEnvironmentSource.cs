namespace FluentRequests;

/// <summary>
/// Where a session reads its environment (variables and the home directory) when <see cref="Session.TrustEnv"/> is on.
/// The process's by default; tests give a session their own so nothing process-wide changes under parallel tests.
/// </summary>
internal interface IEnvironmentSource
{
    /// <summary>An environment variable's value, or <c>null</c> when it is not set.</summary>
    string? GetVariable(string name);

    /// <summary>The user's home directory (what <c>~</c> expands to), or <c>null</c> when there is none.</summary>
    string? HomeDirectory { get; }
}
