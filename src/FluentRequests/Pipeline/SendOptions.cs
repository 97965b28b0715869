namespace FluentRequests;

/// <summary>
/// The per-call settings after merging request arguments over session settings. Made only by
/// <see cref="Session.MergeOptions"/>, so every default is the session's: nothing here has one of its own.
/// </summary>
internal sealed class SendOptions
{
    public required RequestTimeout Timeout { get; init; }
    public required bool AllowRedirects { get; init; }
    public required int MaxRedirects { get; init; }
    public required bool AllowHttpsToHttpRedirects { get; init; }
    public required IDictionary<string, string>? Proxies { get; init; }
    public required Verify Verify { get; init; }
    public required ClientCert? Cert { get; init; }
    public required bool Stream { get; init; }
    public required RetryPolicy? Retry { get; init; }
    public required Hooks? SessionHooks { get; init; }
    public required CookieJar? SessionCookies { get; init; }

    public TransportKey TransportFor(PreparedRequest request)
    {
        string? proxy = ProxySelector.Select(Proxies, request.Uri);
        if (proxy is null && Cert is null && ReferenceEquals(Verify, FluentRequests.Verify.System)) return TransportKey.Default;
        return new TransportKey(Verify, Cert, proxy, Http2: false);
    }
}
