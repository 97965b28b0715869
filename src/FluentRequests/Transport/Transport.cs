namespace FluentRequests;

/// <summary>
/// What a request is sent through: a pooled handler of ours, shared by every request whose <see cref="TransportKey"/>
/// selected it, or the caller's handler a session was built over (<see cref="Session(HttpMessageHandler, bool)"/>).
/// </summary>
internal sealed class Transport
{
    /// <summary>A pooled transport of ours.</summary>
    public Transport(HttpMessageInvoker invoker, TransportKey key)
    {
        Invoker = invoker;
        Key = key;
        InsecureWarning = key.Verify.Enabled ? null : new(TlsConfiguration.Describe(key));
    }

    /// <summary>A caller's handler, wrapped once for the life of the session that owns it.</summary>
    public Transport(HttpMessageHandler callerHandler, bool disposeHandler)
    {
        CallerHandler = callerHandler;
        Invoker = new HttpMessageInvoker(callerHandler, disposeHandler);
        Key = TransportKey.Default;
    }

    public HttpMessageInvoker Invoker { get; }

    /// <summary>The settings that selected this transport; its proxy names the hop in connection errors.</summary>
    public TransportKey Key { get; }

    /// <summary>The InsecureRequestWarning of a transport that does not verify certificates, else <c>null</c>.</summary>
    public InsecureRequestWarning? InsecureWarning { get; }

    /// <summary>The caller's handler this transport sends through, or <c>null</c> for one of our pooled handlers.</summary>
    public HttpMessageHandler? CallerHandler { get; }
}
