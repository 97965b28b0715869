namespace FluentRequests;

public sealed partial class Session
{
    private NetrcSource _netrc = NetrcSource.Process;

    /// <summary>The .netrc lookup when the environment is trusted (<see cref="TrustEnv"/>), else <c>null</c>.</summary>
    internal NetrcSource? TrustedNetrc => TrustEnv ? _netrc : null;

    /// <summary>The auth a request gets, as Requests: its own, else the session's, else .netrc's for the host, else the URL's user info.</summary>
    private Auth? ChooseAuth(Auth? requestAuth, Uri uri)
        => requestAuth ?? Auth ?? TrustedNetrc?.AuthFor(uri) ?? AuthFromUrl(uri);
}
