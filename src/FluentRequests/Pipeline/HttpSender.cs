using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>Sends one <see cref="PreparedRequest"/> on a pooled transport and reads the response (the body too, unless streaming).</summary>
internal static class HttpSender
{
    private static readonly IReadOnlyList<string> NoCookies = [];

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<Response> SendAsync(PreparedRequest request, SendOptions options, bool async, CancellationToken cancellationToken)
    {
        var transport = TransportSelector.For(request, options);
        transport.InsecureWarning?.Note(request);
        var message = BuildMessage(request, ProxyAuthorization.IsReadByProxy(transport.Key.Proxy, request.Uri));
        HttpVersions.Apply(message, request, options, async, ourTransport: transport.CallerHandler is null);
        var exchange = new Exchange(message, options.Timeout, cancellationToken, isSync: !async);
        var hop = HopTelemetry.Start(options, message, exchange);
        long start = Stopwatch.GetTimestamp();
        HttpResponseMessage received;
        try
        {
            received = async
                ? await transport.Invoker.SendAsync(message, exchange.Token).ConfigureAwait(false)
                : transport.Invoker.Send(message, exchange.Token);
        }
        catch (Exception e)
        {
            exchange.Dispose();
            message.Dispose();
            throw HopTelemetry.Failed(hop, transport.CallerHandler is { } handler
                ? CallerHandlerErrors.Map(e, request, exchange, handler, async)
                : ExceptionMapper.MapSendError(e, request, exchange, transport.Key.Proxy));
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        HopTelemetry.Received(options, hop, received);
        message.Dispose();
        exchange.BeginBody(received, watchSyncReads: transport.CallerHandler is not null || received.Version.Major >= 2);
        var headers = ReadHeaders(received, out var setCookies);
        Stream raw;
        try
        {
            // SocketsHttpHandler's content hands over its stream without I/O, so the sync call serves async callers too
            // (no Task<Stream> per response). A caller's handler may return any content: ask it the async way.
            raw = async && transport.CallerHandler is not null
                ? await received.Content.ReadAsStreamAsync(exchange.Token).ConfigureAwait(false)
                : received.Content.ReadAsStream(exchange.Token);
        }
        catch (Exception e)
        {
            exchange.Dispose();
            throw ExceptionMapper.MapBodyError(e, request, exchange);
        }
        long? contentLength;
        try
        {
            contentLength = ContentLengthRule.Single(received, request);
        }
        catch
        {
            exchange.Dispose();
            throw;
        }
        var codings = ContentDecoding.Codings(received);
        // The length the bytes on the wire must reach. None for a response without a body, and chunked framing
        // overrides a Content-Length (RFC 9112 6.3).
        long? wireLength = request.Method == "HEAD" || received.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified
            || received.Headers.TransferEncodingChunked == true
            ? null
            : contentLength;
        if (options.Stream && request.Method != "HEAD")
        {
            var body = new StreamedBody(raw, codings, wireLength, exchange, request, options.MaxResponseBytes, options.MaxDecompressionRatio);
            StoreCookies(options, request, setCookies);
            return Response.Streamed(request, (int)received.StatusCode, received.ReasonPhrase, headers, setCookies, elapsed, body);
        }
        byte[] content;
        try
        {
            content = await StreamedBody.ReadAllAsync(raw, codings, wireLength, exchange, request, options.MaxResponseBytes, options.MaxDecompressionRatio,
                async, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            // What StreamedBody.Dispose does, without making one for a body read at once.
            raw.Dispose();
            exchange.Dispose();
        }
        StoreCookies(options, request, setCookies);
        return Response.Buffered(request, (int)received.StatusCode, received.ReasonPhrase, headers, setCookies, elapsed, content);
    }

    /// <summary>The session keeps the cookies a response set, once it is received whole (or handed over streaming).</summary>
    private static void StoreCookies(SendOptions options, PreparedRequest request, IReadOnlyList<string> setCookies)
    {
        if (setCookies.Count > 0) options.SessionCookies?.StoreResponseCookies(request.Uri, setCookies);
    }

    private static ExchangeMessage BuildMessage(PreparedRequest request, bool proxyReadsHeaders)
    {
        var message = new ExchangeMessage(HttpMethod.Parse(request.Method), request.Uri);
        HttpContent? content = request.BodySource?.CreateContent();
        foreach (var (name, value) in request.Headers.Entries)
        {
            if (IsContentHeader(name))
            {
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    content ??= EmptyContent(request, value);
                    if (content is not null && long.TryParse(value, out long length)) content.Headers.ContentLength = length;
                    continue;
                }
                if (content is null) continue;
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                // The handler chunks any body of unknown length on HTTP/1.1; adding the header too would send it twice.
                continue;
            }
            else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else if (!proxyReadsHeaders && name.Equals(ProxyAuthorization.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                // A proxy credential never goes where only the origin would read it (a tunnel, or no proxy at all);
                // a tunnel's credentials come from the proxy URL and go on its CONNECT or SOCKS handshake.
                continue;
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
        message.Content = content;
        return message;
    }

    /// <summary>The body for a Content-Length the caller set on a request without one: only 0 can be kept honestly.</summary>
    private static ByteArrayContent EmptyContent(PreparedRequest request, string contentLength)
        => long.TryParse(
                contentLength, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long length)
            && length == 0
            ? new ByteArrayContent([])
            : throw new InvalidHeaderException(
                $"The request to {request.DisplayUrl} has no body but sets Content-Length: {contentLength}; the server would wait for bytes that never come. "
                + "Remove the header, set it to 0, or pass the body as data.", request);

    private static bool IsContentHeader(string name)
        => name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Allow", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase);

    private static HeaderCollection ReadHeaders(HttpResponseMessage received, out IReadOnlyList<string> setCookies)
    {
        // Sized to the names received (repeats are joined into one entry), not to a guess.
        var headers = new HeaderCollection(received.Headers.NonValidated.Count + received.Content.Headers.NonValidated.Count);
        setCookies = NoCookies;
        foreach (var (name, values) in received.Headers.NonValidated)
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                var list = new List<string>(values.Count);
                foreach (var v in values) list.Add(v);
                setCookies = list;
            }
            foreach (var v in values) headers.AppendReceived(name, v);
        }
        foreach (var (name, values) in received.Content.Headers.NonValidated)
        {
            foreach (var v in values) headers.AppendReceived(name, v);
        }
        return headers;
    }
}
