namespace FluentRequests;

/// <summary>
/// Picks what one request is sent through: the caller's handler when the session was built over one, otherwise the
/// pooled transport its settings select. The one place a transport is chosen, so another source (an ambient test
/// transport, say) needs one check here and nothing elsewhere.
/// </summary>
internal static class TransportSelector
{
    public static Transport For(PreparedRequest request, SendOptions options)
        => options.CallerTransport ?? TransportPool.Get(options.TransportFor(request));
}
