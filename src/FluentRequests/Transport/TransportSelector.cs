namespace FluentRequests;

/// <summary>
/// Picks what one request is sent through: the caller's handler when the session was built over one, otherwise the
/// pooled transport its settings select. The one place a transport is chosen, so another source (an ambient test
/// transport, say) needs one check here and nothing elsewhere. A test fake alive in the caller's flow
/// (<see cref="AmbientHandler"/>) comes first; with none alive, that check is one volatile read.
/// </summary>
internal static class TransportSelector
{
    public static Transport For(PreparedRequest request, SendOptions options)
        => AmbientHandler.For(options.CallerTransport) ?? options.CallerTransport ?? TransportPool.Get(options.TransportFor(request));
}
