namespace FluentRequests;

/// <summary>
/// A request message that carries its <see cref="Exchange"/> to the shared handler's connect callback
/// (<see cref="SocketsHttpConnectionContext.InitialRequestMessage"/>): a field instead of an Options
/// dictionary per request.
/// </summary>
internal sealed class ExchangeMessage(HttpMethod method, Uri uri) : HttpRequestMessage(method, uri)
{
    public Exchange? Exchange { get; set; }
}
