namespace FluentRequests;

/// <summary>A pooled handler, shared by every request whose <see cref="TransportKey"/> selected it.</summary>
internal sealed class Transport(HttpMessageInvoker invoker, TransportKey key)
{
    public HttpMessageInvoker Invoker { get; } = invoker;

    /// <summary>The settings that selected this transport; its proxy names the hop in connection errors.</summary>
    public TransportKey Key { get; } = key;

    /// <summary>The InsecureRequestWarning of a transport that does not verify certificates, else <c>null</c>.</summary>
    public InsecureRequestWarning? InsecureWarning { get; } = key.Verify.Enabled ? null : new(TlsConfiguration.Describe(key));
}
