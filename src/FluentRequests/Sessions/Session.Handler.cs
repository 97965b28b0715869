namespace FluentRequests;

// A session over a caller's HttpMessageHandler (the seam for IHttpClientFactory pipelines and test transports):
// everything above the transport is the same; the settings that configure our own transport cannot apply.
public sealed partial class Session
{
    /// <summary>
    /// Creates a session that sends every request through <paramref name="handler"/> instead of the pooled transport
    /// (as <see cref="HttpClient(HttpMessageHandler, bool)"/>): an <c>IHttpClientFactory</c> pipeline with its
    /// <see cref="DelegatingHandler"/>s, a <see cref="SocketsHttpHandler"/> of your own, or an in-memory handler in tests.
    /// Everything above the transport works the same: merging, cookies, auth, redirects (every hop goes through the
    /// handler), retries, timeouts, hooks, limits, decoding and the exception tree.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The handler owns the connection: TLS verification, client certificates and proxies are its settings. Setting
    /// <see cref="Verify"/>, <see cref="Cert"/>, <see cref="Proxies"/> or <see cref="MaxResponseHeadersBytes"/> on such a
    /// session (or passing <c>verify</c>, <c>cert</c> or <c>proxies</c> to a call) fails the call at once with an error that
    /// names the setting; the environment's proxies and CA bundle do not apply (they are not an error).
    /// </para>
    /// <para>
    /// Synchronous calls use the handler's <see cref="HttpMessageHandler.Send"/>; a handler that sends only
    /// asynchronously makes them fail at once with <see cref="NotSupportedException"/>. See docs/sessions.md.
    /// </para>
    /// </remarks>
    /// <param name="handler">The handler every request of this session is sent through.</param>
    /// <param name="disposeHandler">
    /// Whether disposing the session disposes <paramref name="handler"/>; <see langword="false"/> (the default) leaves it to
    /// its owner, so one handler can serve many sessions.
    /// </param>
    public Session(HttpMessageHandler handler, bool disposeHandler = false)
        : this()
    {
        ArgumentNullException.ThrowIfNull(handler);
        _callerTransport = new Transport(handler, disposeHandler);
    }

    // The caller's handler this session sends through, or null for the pooled transports.
    private readonly Transport? _callerTransport;

    /// <summary>
    /// Over a caller's handler, the transport settings are the handler's: a call that sets one fails now, naming it,
    /// rather than being sent without the TLS or proxy behaviour its caller asked for.
    /// </summary>
    private void RejectTransportSettings(RequestArgs args)
    {
        if (_callerTransport?.CallerHandler is not { } handler) return;
        string owner = $"this session sends through the caller's handler {CallerHandlerErrors.Describe(handler)}, which makes its own connections";
        if (_verify is not null)
        {
            throw new InvalidOperationException(
                $"Session.Verify is set, but {owner}: TLS verification is the handler's setting (SocketsHttpHandler.SslOptions). "
                + "Configure it on the handler instead.");
        }
        if (Cert is not null)
        {
            throw new InvalidOperationException(
                $"Session.Cert is set, but {owner}: the client certificate is the handler's setting "
                + "(SocketsHttpHandler.SslOptions.ClientCertificates). Configure it on the handler instead.");
        }
        if (_proxies is { Count: > 0 })
        {
            throw new InvalidOperationException(
                $"Session.Proxies is set, but {owner}: the proxy is the handler's setting (SocketsHttpHandler.Proxy). Configure it on the handler instead.");
        }
        if (MaxResponseHeadersBytes != ResponseLimits.MaxResponseHeadersBytes)
        {
            throw new InvalidOperationException(
                $"Session.MaxResponseHeadersBytes is set, but {owner}: the header limit is the handler's setting "
                + "(SocketsHttpHandler.MaxResponseHeadersLength). Configure it on the handler instead.");
        }
        if (args.Verify is not null) throw PerCall("verify", "TLS verification", owner);
        if (args.Cert is not null) throw PerCall("cert", "the client certificate", owner);
        if (args.Proxies is { Count: > 0 }) throw PerCall("proxies", "the proxy", owner);
    }

    private static ArgumentException PerCall(string argument, string what, string owner)
        => new($"The call passes {argument}, but {owner}: {what} is the handler's setting. Configure it on the handler instead.", argument);
}
