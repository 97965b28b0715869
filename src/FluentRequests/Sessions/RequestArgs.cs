namespace FluentRequests;

/// <summary>The arguments of one call, as given (nulls mean "use the session's").</summary>
internal sealed class RequestArgs
{
    public object? Params { get; init; }
    public object? Data { get; init; }
    public object? Json { get; init; }
    public object? Headers { get; init; }
    public object? Cookies { get; init; }
    public Files? Files { get; init; }
    public Auth? Auth { get; init; }
    public RequestTimeout? Timeout { get; init; }
    public bool? AllowRedirects { get; init; }
    public IDictionary<string, string>? Proxies { get; init; }
    public Verify? Verify { get; init; }
    public bool? Stream { get; init; }
    public ClientCert? Cert { get; init; }
    public int? MaxRedirects { get; init; }
    public RetryPolicy? Retry { get; init; }
}
