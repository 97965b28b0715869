namespace FluentRequests;

/// <summary>
/// The CA bundle named by the environment, as Requests: <c>REQUESTS_CA_BUNDLE</c>, then <c>CURL_CA_BUNDLE</c>
/// (an empty value counts as unset). Used only when neither the session nor the request set <c>verify</c>.
/// </summary>
internal static class EnvironmentCaBundle
{
    public const string RequestsVariable = "REQUESTS_CA_BUNDLE";
    public const string CurlVariable = "CURL_CA_BUNDLE";

    // The last path seen and its Verify: a process reads the same variable for every request, so this
    // saves an allocation per request and keeps one TransportKey (one handler) per path.
    private static Verify? _last;

    /// <summary>The environment's CA bundle, or <c>null</c> when neither variable names one.</summary>
    public static Verify? Read(EnvironmentSource environment)
    {
        string? path = environment.GetNonEmpty(RequestsVariable) ?? environment.GetNonEmpty(CurlVariable);
        if (path is null || string.IsNullOrWhiteSpace(path)) return null;
        var last = _last;
        if (last is not null && last.CaBundlePath == path) return last;
        return _last = Verify.CaBundle(path);
    }
}
