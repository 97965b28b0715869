using Polly.Timeout;

namespace FluentRequests;

/// <summary>
/// Maps what a caller's handler throws into the exception tree, as <see cref="ExceptionMapper"/> does for ours, plus
/// what only a foreign handler throws: its own timeouts, a synchronous send it does not implement, and anything else
/// (wrapped as a <see cref="ConnectionException"/>, so no raw exception escapes).
/// </summary>
internal static class CallerHandlerErrors
{
    public static Exception Map(Exception e, PreparedRequest request, Exchange exchange, HttpMessageHandler handler, bool async)
    {
        if (e is RequestException) return e;
        bool ours = exchange.Outer.IsCancellationRequested || exchange.ReadTimerFired;
        if (!ours && !async && e is NotSupportedException)
        {
            return SyncSend.NotSupported(request, $"The handler {Describe(handler)} cannot send synchronously", e);
        }
        if (!ours && Timeout(e) is { } timeout)
        {
            // SocketsHttpHandler reports its ConnectTimeout as a TaskCanceledException over a TimeoutException naming it.
            if (timeout.Message.Contains("ConnectTimeout", StringComparison.Ordinal))
            {
                return new ConnectTimeoutException(
                    $"Connection to {request.Uri.Authority} timed out (the handler's ConnectTimeout) for url: {request.DisplayUrl}", request, innerException: e)
                { NotSent = true };
            }
            return new ReadTimeoutException(
                $"The handler {Describe(handler)} timed out waiting for the response from {request.DisplayUrl} "
                    + $"({timeout.Message})", request, innerException: e);
        }
        var mapped = ExceptionMapper.MapSendError(e, request, exchange);
        if (mapped is RequestException or OperationCanceledException) return mapped;
        return new ConnectionException($"The handler {Describe(handler)} failed to send the request to {request.DisplayUrl}: "
            + $"{e.Message}", request, innerException: e);
    }

    /// <summary>The handler and the ones it delegates to, outermost first: <c>LoggingHandler → SocketsHttpHandler</c>.</summary>
    public static string Describe(HttpMessageHandler handler)
    {
        var names = new List<string>();
        for (HttpMessageHandler? h = handler; h is not null && names.Count < 16; h = (h as DelegatingHandler)?.InnerHandler)
        {
            names.Add(h.GetType().Name);
        }
        return string.Join(" → ", names);
    }

    private static Exception? Timeout(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or TimeoutRejectedException) return e;
        }
        return null;
    }
}
