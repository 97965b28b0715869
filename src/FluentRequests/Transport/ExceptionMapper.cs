using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace FluentRequests;

/// <summary>
/// Maps what the .NET stack throws into Requests' exception tree, so no raw HttpRequestException,
/// SocketException or TaskCanceledException reaches a user. Messages name the URL.
/// </summary>
internal static class ExceptionMapper
{
    /// <param name="e">What the handler threw.</param>
    /// <param name="request">The request sent.</param>
    /// <param name="exchange">Its exchange.</param>
    /// <param name="proxy">The proxy it went through, or <c>null</c>: a failure to reach it or to open its tunnel is a <see cref="ProxyException"/>.</param>
    public static Exception MapSendError(Exception e, PreparedRequest request, Exchange exchange, string? proxy = null)
    {
        if (e is RequestException) return e;
        if (exchange.Outer.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException)
        {
            return new OperationCanceledException($"The request to {request.DisplayUrl} was cancelled.", e, exchange.Outer);
        }
        if (Find<ConnectTimeoutSignal>(e) is { } connect)
        {
            if (proxy is not null)
            {
                return new ConnectTimeoutException(
                    $"Connection to proxy {ProxyUrl.Redact(proxy)} timed out " +
                    $"(connect timeout={RequestTimeout.Describe(connect.Limit)}) for url: {request.DisplayUrl}",
                    request, innerException: e)
                { NotSent = true };
            }
            return new ConnectTimeoutException(
                $"Connection to {request.Uri.Authority} timed out " +
                $"(connect timeout={RequestTimeout.Describe(connect.Limit)}) for url: {request.DisplayUrl}",
                request, innerException: e)
            { NotSent = true };
        }
        if (exchange.ReadTimerFired)
        {
            return new ReadTimeoutException(
                $"Read timed out waiting for the response headers from {request.DisplayUrl} " +
                $"(read timeout={RequestTimeout.Describe(exchange.Timeout.Read)})",
                request, innerException: e);
        }
        if (Find<CertificateRejectedSignal>(e) is { } rejected)
        {
            return new SslException(
                $"Certificate verification failed for {request.Uri.Authority}: {rejected.Message} (url: {request.DisplayUrl})", request, innerException: e)
            { NotSent = true };
        }
        if (Find<UploadBrokenSignal>(e) is { } broken)
        {
            return new ConnectionException(
                $"Connection aborted: {request.Uri.Authority} closed the connection while the request was being sent, and sent no response, " +
                $"for url: {request.DisplayUrl} ({broken.WriteError.Message})",
                request, innerException: e)
            { UploadBroken = true };
        }
        if (e is HttpRequestException http)
        {
            string detail = Innermost(e).Message;
            var mapped = proxy is not null && http.HttpRequestError is HttpRequestError.ProxyTunnelError or HttpRequestError.ConnectionError
                    or HttpRequestError.NameResolutionError && Find<AuthenticationException>(e) is null
                ? new ProxyException($"Unable to connect to proxy {ProxyUrl.Redact(proxy)} for url: {request.DisplayUrl} "
                    + $"({detail})", request, innerException: e)
                : MapHttpError(http, request, detail);
            mapped.NotSent = http.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
            return mapped;
        }
        if (proxy is not null && e is SocketException)
        {
            return new ProxyException(
                $"Unable to connect to proxy {ProxyUrl.Redact(proxy)} for url: {request.DisplayUrl} ({Innermost(e).Message})",
                request, innerException: e);
        }
        if (e is SocketException or IOException)
        {
            return new ConnectionException(
                $"Connection to {request.Uri.Authority} failed for url: {request.DisplayUrl} ({Innermost(e).Message})",
                request, innerException: e);
        }
        if (e is OperationCanceledException)
        {
            // Cancelled by neither the caller nor a timer of ours: the handler gave up on the connection.
            return new ConnectionException($"Request to {request.DisplayUrl} was aborted.", request, innerException: e);
        }
        return e;
    }

    private static RequestException MapHttpError(HttpRequestException e, PreparedRequest request, string detail)
        => e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new ConnectionException(
                $"Failed to resolve host '{request.Uri.Host}' for url: {request.DisplayUrl} ({detail})", request, innerException: e),
            HttpRequestError.SecureConnectionError or HttpRequestError.ConnectionError when Find<AuthenticationException>(e) is not null
                => new SslException($"TLS handshake with {request.Uri.Authority} failed for url: {request.DisplayUrl} ({detail})", request, innerException: e),
            HttpRequestError.SecureConnectionError => new SslException(
                $"TLS handshake with {request.Uri.Authority} failed for url: {request.DisplayUrl} ({detail})", request, innerException: e),
            HttpRequestError.ProxyTunnelError => new ProxyException(
                $"Unable to connect to the proxy for url: {request.DisplayUrl} ({detail})", request, innerException: e),
            HttpRequestError.ConnectionError => new ConnectionException(
                $"Failed to establish a connection to {request.Uri.Authority} for url: {request.DisplayUrl} ({detail})", request, innerException: e),
            HttpRequestError.ConfigurationLimitExceeded => new ConnectionException(
                $"The response headers from {request.Uri.Authority} are larger than Session.MaxResponseHeadersBytes allows " +
                $"for url: {request.DisplayUrl} ({detail})",
                request, innerException: e),
            HttpRequestError.ResponseEnded => new ConnectionException(
                $"Connection aborted: {request.Uri.Authority} closed the connection without a complete response for url: {request.DisplayUrl}",
                request, innerException: e),
            HttpRequestError.InvalidResponse => new ConnectionException(
                $"Connection aborted: {request.Uri.Authority} sent an invalid response for url: {request.DisplayUrl} ({detail})", request, innerException: e),
            _ => new ConnectionException($"Request to {request.DisplayUrl} failed: {detail}", request, innerException: e),
        };

    /// <param name="e">What the read threw.</param>
    /// <param name="request">The request whose body was being read.</param>
    /// <param name="exchange">Its exchange: tells a caller's cancellation from a read timeout.</param>
    /// <param name="received">The body bytes read before the failure.</param>
    /// <param name="declaredLength">The Content-Length those bytes count against, when they do.</param>
    public static Exception MapBodyError(Exception e, PreparedRequest request, Exchange exchange, long received = 0, long? declaredLength = null)
    {
        if (e is RequestException) return e;
        if (exchange.Outer.IsCancellationRequested)
        {
            return new OperationCanceledException($"Reading the response from {request.DisplayUrl} was cancelled.", e, exchange.Outer);
        }
        if (exchange.ReadTimerFired || Find<ReadTimeoutSignal>(e) is not null)
        {
            return new ReadTimeoutException(
                $"Read timed out while reading the response body from {request.DisplayUrl} " +
                $"(read timeout={RequestTimeout.Describe(exchange.Timeout.Read)})",
                request, innerException: e);
        }
        if (Find<System.IO.InvalidDataException>(e) is { } bad)
        {
            return new ContentDecodingException($"Failed to decode the response body from {request.DisplayUrl}: {bad.Message}", request, innerException: e);
        }
        if (Find<SocketException>(e) is { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted } reset)
        {
            return new ConnectionException(
                $"Connection reset: {request.Uri.Authority} broke off the response body from {request.DisplayUrl} " +
                $"after {received} bytes ({reset.Message})",
                request, innerException: e);
        }
        if (e is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } || e is IOException)
        {
            if (declaredLength is { } expected && received < expected) return IncompleteRead(request, received, expected, e);
            return new ChunkedEncodingException(
                $"Connection broken: the response body from {request.DisplayUrl} ended early ({Innermost(e).Message})", request, innerException: e);
        }
        if (e is ObjectDisposedException)
        {
            return new StreamConsumedException($"The response body from {request.DisplayUrl} was already closed.", request, innerException: e);
        }
        // Anything else came from a caller's handler's stream (ours throw only the kinds above): it broke the body off.
        if (e is not (ArgumentException or NotSupportedException or OperationCanceledException))
        {
            return new ConnectionException(
                $"Reading the response body from {request.DisplayUrl} failed after {received} bytes: {e.Message}", request, innerException: e);
        }
        return e;
    }

    /// <summary>The body ended before its Content-Length (urllib3's <c>IncompleteRead</c>, in Requests' words).</summary>
    public static ChunkedEncodingException IncompleteRead(PreparedRequest request, long received, long expected, Exception? cause = null)
        => new(
            $"Connection broken: IncompleteRead({received} bytes read, {expected - received} more expected) for url: {request.DisplayUrl}",
            request, innerException: cause);

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match) return match;
        }
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
