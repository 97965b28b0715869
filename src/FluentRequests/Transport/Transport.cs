namespace FluentRequests;

/// <summary>A pooled handler and the key that selected it.</summary>
internal sealed class Transport(HttpMessageInvoker invoker, TransportKey key)
{
    public HttpMessageInvoker Invoker { get; } = invoker;

    public TransportKey Key { get; } = key;
}
