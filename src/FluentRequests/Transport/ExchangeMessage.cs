namespace FluentRequests;

/// <summary>
/// A request message that carries its <see cref="Exchange"/> to the shared handler's connect callback
/// (<see cref="SocketsHttpConnectionContext.InitialRequestMessage"/>): a field instead of an Options
/// dictionary per request.
/// </summary>
internal sealed class ExchangeMessage(HttpMethod method, Uri uri) : HttpRequestMessage(method, uri)
{
    public Exchange? Exchange { get; set; }

    /// <summary>Whether the handler's propagator must write no trace context: it is written already, or switched off (HopPropagator).</summary>
    public bool TraceContextHandled { get; set; }

    /// <summary>The requests of the call sent before this one (<c>http.request.resend_count</c>); 0 when the call is not observed.</summary>
    public int ResendCount { get; set; }
}
