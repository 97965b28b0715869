using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace FluentRequests.Testing;

/// <summary>
/// The fake's transport: an <see cref="HttpMessageHandler"/> that records each request and answers it from the
/// stubs. Synchronous sends are truly synchronous: the body is copied with <see cref="HttpContent.CopyTo"/> and a
/// delay is a wait on the cancellation token's wait handle, bounded by the read timeout as a socket read is (not left
/// to the read timer alone, which needs a thread-pool thread to fire).
/// </summary>
internal sealed class FakeHandler(FakeHttp owner) : HttpMessageHandler, AmbientHandler.IFakeHandler
{
    public FakeHttp Owner { get; } = owner;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] body = [];
        if (request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.CopyTo(buffer, null, cancellationToken);
            body = buffer.ToArray();
        }
        var answer = Owner.Answer(Record(request, body));
        FluentRequests.AmbientHandler.WaitForHeaders(request, answer.HeadersDelay, cancellationToken);
        return Respond(request, answer);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] body = request.Content is { } content ? await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) : [];
        var answer = Owner.Answer(Record(request, body));
        if (answer.HeadersDelay != TimeSpan.Zero) await Task.Delay(answer.HeadersDelay, cancellationToken).ConfigureAwait(false);
        return Respond(request, answer);
    }

    private RecordedCall Record(HttpRequestMessage request, byte[] body)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            foreach (var value in values) headers.Add(new(name, value));
        }
        if (request.Content is { } content)
        {
            foreach (var (name, values) in content.Headers.NonValidated)
            {
                foreach (var value in values) headers.Add(new(name, value));
            }
        }
        return Owner.Record(request.Method.Method, request.RequestUri!, headers, body);
    }

    private static HttpResponseMessage Respond(HttpRequestMessage request, FakeResponse answer)
    {
        var endpoint = $"{request.RequestUri!.Host}:{request.RequestUri.Port}";
        switch (answer.Fault)
        {
            case FakeFault.ConnectionRefused:
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError, $"Connection refused ({endpoint})", new SocketException((int)SocketError.ConnectionRefused));
            case FakeFault.EmptyResponse:
                throw new HttpRequestException(
                    HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("The response ended prematurely."));
            case FakeFault.NoResponse:
                // Reached only when the wait above ended without a cancellation: an infinite wait never does.
                throw new InvalidOperationException("A response that never arrives cannot be delivered.");
        }
        bool head = request.Method == HttpMethod.Head;
        var message = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Version = HttpVersion.Version11,
            Content = new FakeContent(head ? [] : answer.Body, answer),
        };
        if (answer.Reason is { } reason) message.ReasonPhrase = reason;
        bool lengthSet = false;
        foreach (var (name, value) in answer.Headers)
        {
            if (IsContentHeader(name))
            {
                lengthSet |= name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
        // A server frames its body by Content-Length unless it chunks it; HEAD's is the length GET would send.
        if (!lengthSet && message.Headers.TransferEncodingChunked != true) message.Content.Headers.ContentLength = answer.Body.Length;
        return message;
    }

    private static bool IsContentHeader(string name)
        => name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Allow", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase);

    /// <summary>The response body: handed to the session as a <see cref="FakeBodyStream"/>, never buffered by the handler.</summary>
    private sealed class FakeContent(byte[] body, FakeResponse answer) : HttpContent
    {
        protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new FakeBodyStream(body, answer);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new FakeBodyStream(body, answer));

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            => new FakeBodyStream(body, answer).CopyToAsync(stream);

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
            => new FakeBodyStream(body, answer).CopyTo(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>
/// A response body as a connection would deliver it: after <see cref="FakeResponse.BodyDelay"/>, then the bytes, or
/// the bytes up to a break and then the IOException a reset or a premature close raises.
/// </summary>
internal sealed class FakeBodyStream(byte[] body, FakeResponse answer) : Stream
{
    private int _position;
    private bool _delayed = answer.BodyDelay == TimeSpan.Zero;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_delayed)
        {
            FluentRequests.AmbientHandler.WaitForBody(answer.BodyDelay);
            _delayed = true;
        }
        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_delayed)
        {
            await Task.Delay(answer.BodyDelay, cancellationToken).ConfigureAwait(false);
            _delayed = true;
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Take(Span<byte> buffer)
    {
        int end = answer.Fault is FakeFault.ResetMidBody or FakeFault.TruncatedBody ? Math.Min(answer.FaultAfterBytes, body.Length) : body.Length;
        if (_position >= end && end < body.Length && buffer.Length > 0)
        {
            throw answer.Fault == FakeFault.ResetMidBody
                ? new IOException(
                    "Unable to read data from the transport connection: Connection reset by peer.",
                    new SocketException((int)SocketError.ConnectionReset))
                : new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }
        int n = Math.Min(buffer.Length, end - _position);
        body.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
