namespace FluentRequests;

/// <summary>A pooled handler, shared by every request whose <see cref="TransportKey"/> selected it.</summary>
internal sealed class Transport(HttpMessageInvoker invoker)
{
    public HttpMessageInvoker Invoker { get; } = invoker;
}
