namespace FluentRequests;

/// <summary>
/// The transport a test fake (FluentRequests.Testing's <c>FakeHttp</c>) puts in place for every call made in one
/// asynchronous flow, as Flurl's <c>HttpTest</c> does: <c>Requests.*</c>, sessions created in the flow or before it,
/// and sessions over a caller's own handler (the test wins). A session over a fake's own handler keeps its fake.
/// </summary>
/// <remarks>
/// Scopes flow with <see cref="AsyncLocal{T}"/>, so parallel tests each see their own fake. A count of live scopes
/// guards the lookup: with no fake alive, <see cref="For"/> costs one volatile read and no allocation.
/// </remarks>
internal static class AmbientHandler
{
    private static readonly AsyncLocal<Scope?> Current = new();
    private static volatile int s_liveScopes;

    /// <summary>Implemented by a fake's handler: an explicit session over it is not redirected to the ambient fake.</summary>
    internal interface IFakeHandler
    {
    }

    /// <summary>The ambient fake's transport for a call of a session over <paramref name="callerTransport"/>, or <c>null</c>.</summary>
    /// <param name="callerTransport">The caller's handler the session was built over, or <c>null</c> for the pooled transports.</param>
    public static Transport? For(Transport? callerTransport)
        => s_liveScopes == 0 ? null : Resolve(callerTransport);

    /// <summary>Makes <paramref name="handler"/> the transport of every call in the current flow until the result is disposed.</summary>
    /// <param name="handler">The fake's handler; not disposed by the scope.</param>
    public static IDisposable Enter(HttpMessageHandler handler)
    {
        var scope = new Scope(new Transport(handler, disposeHandler: false), Current.Value);
        Interlocked.Increment(ref s_liveScopes);
        Current.Value = scope;
        return scope;
    }

    /// <summary>
    /// Waits <paramref name="delay"/> for the response headers in a synchronous send, as the session's own transport waits
    /// on its socket: bounded by the exchange's read timeout (then a read timeout) and ended by <paramref name="token"/>.
    /// The bound is the fake's own, not only the read timer's cancellation: the timer runs on the thread pool, and a
    /// starved pool (many synchronous calls at once) would otherwise let the delay outlast the limit.
    /// </summary>
    /// <param name="request">The request being answered: its exchange carries the read limit.</param>
    /// <param name="delay">How long the headers take to arrive; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="token">The token the handler was given.</param>
    public static void WaitForHeaders(HttpRequestMessage request, TimeSpan delay, CancellationToken token)
    {
        if (delay == TimeSpan.Zero) return;
        if (Exchange.Of(request) is { } exchange) Wait(exchange, delay, "The request was cancelled.");
        else if (token.WaitHandle.WaitOne(delay)) throw new OperationCanceledException(token);
    }

    /// <summary>
    /// Waits <paramref name="delay"/> for the body's first bytes in a synchronous body read, as a socket read would wait:
    /// bounded by the exchange's read timeout (then a <see cref="ReadTimeoutSignal"/>) and ended by its token (the caller's
    /// cancellation or the total deadline). A wait on the token's handle, not a poll.
    /// </summary>
    /// <param name="delay">How long the data takes to arrive; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    public static void WaitForBody(TimeSpan delay)
    {
        if (delay == TimeSpan.Zero) return;
        if (TimedNetworkStream.SyncBodyRead is not { } exchange)
        {
            // Not the session's body read (the handler serializing its content, say): nothing bounds it but the delay.
            Thread.Sleep(delay);
            return;
        }
        Wait(exchange, delay, "The response body read was cancelled.");
    }

    private static void Wait(Exchange exchange, TimeSpan delay, string cancelled)
    {
        bool timesOut = exchange.Timeout.Read is { } limit && (delay == Timeout.InfiniteTimeSpan || limit < delay);
        var wait = timesOut ? exchange.Timeout.Read!.Value : delay;
        if (exchange.Token.WaitHandle.WaitOne(wait)) throw new OperationCanceledException(cancelled, exchange.Token);
        if (timesOut)
        {
            exchange.OnReadTimedOut();
            throw new ReadTimeoutSignal(exchange.Timeout.Read!.Value);
        }
    }

    private static Transport? Resolve(Transport? callerTransport)
        => callerTransport?.CallerHandler is IFakeHandler ? null : Current.Value?.Transport;

    private sealed class Scope(Transport transport, Scope? previous) : IDisposable
    {
        private int _disposed;

        public Transport? Transport { get; private set; } = transport;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            // A flow the scope reached and that outlives it (a task left running) goes back to the network.
            Transport = null;
            if (ReferenceEquals(Current.Value, this)) Current.Value = previous;
            Interlocked.Decrement(ref s_liveScopes);
        }
    }
}
