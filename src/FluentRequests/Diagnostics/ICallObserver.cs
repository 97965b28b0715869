namespace FluentRequests;

/// <summary>
/// Told about every call of a session that sets one (<see cref="Session.CallObserver"/>): the hook the dependency-injection
/// package logs through. Called on the calling flow, so it must be quick and must not throw. URLs come redacted
/// (<see cref="UrlRedaction"/>): no userinfo, and query values only when the session shows them in telemetry.
/// </summary>
internal interface ICallObserver
{
    /// <summary>A call starts: the method and URL the caller asked for.</summary>
    void OnStart(string method, string url);

    /// <summary>
    /// A call returned a response (whatever its status): the final status code, the time since <see cref="OnStart"/>,
    /// the redirects followed and the requests resent by the retry policy.
    /// </summary>
    void OnEnd(string method, string url, int statusCode, TimeSpan elapsed, int redirects, int retries);

    /// <summary>A call failed with <paramref name="exception"/> (a <see cref="RequestException"/>, or the caller's cancellation).</summary>
    void OnFailure(string method, string url, Exception exception, TimeSpan elapsed, int redirects, int retries);
}
