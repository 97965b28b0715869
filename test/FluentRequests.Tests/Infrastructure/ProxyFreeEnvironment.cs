// In no namespace: NUnit runs a namespace-less SetUpFixture once for the whole assembly.

/// <summary>
/// The process's environment without its proxy variables (any name ending in <c>_proxy</c>, any case): what every
/// session in the tests reads unless a test gives it its own, so the suite passes whether or not the shell that runs
/// it exports http_proxy or NO_PROXY. Set once for the assembly, before any test, and never changed.
/// </summary>
[SetUpFixture]
public sealed class ProxyFreeEnvironment
{
    [OneTimeSetUp]
    public void HideProxyVariables() => EnvironmentSource.ForNewSessions = new Source(EnvironmentSource.Process);

    private sealed class Source(EnvironmentSource process) : EnvironmentSource
    {
        public override string? Get(string name)
            => name.EndsWith("_proxy", StringComparison.OrdinalIgnoreCase) ? null : process.Get(name);

        public override string? HomeDirectory => process.HomeDirectory;
    }
}
