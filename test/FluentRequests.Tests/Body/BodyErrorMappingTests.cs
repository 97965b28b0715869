using System.Net.Sockets;

namespace FluentRequests.Tests.Body;

/// <summary>
/// Every way a body can break while it is read maps into the tree, never a raw IOException or HttpIOException, for
/// every way of reading it, sync and async: a chunked body cut off is a <see cref="ChunkedEncodingException"/>, a
/// corrupt gzip/deflate/br body a <see cref="ContentDecodingException"/>, a reset a <see cref="ConnectionException"/>.
/// (A body shorter than its Content-Length: <see cref="BodyFramingTests"/>; a stall: <see cref="BodyIntegrityTests"/>.)
/// </summary>
[Parallelizable(ParallelScope.All)]
public class BodyErrorMappingTests
{
    private static readonly BodyRead[] DecodingReads = Enum.GetValues<BodyRead>().Where(r => r != BodyRead.Raw).ToArray();
    private RawHttpServer _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new RawHttpServer(async (path, connection, token) =>
    {
        switch (path)
        {
            case "/chunked-cut":
                // A 100-byte chunk announced, 50 sent, then a clean close (FIN).
                await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n64\r\n", token);
                await connection.WriteAsync(new byte[50], token);
                return;
            case "/reset":
                await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", token);
                await connection.WriteAsync(new byte[1000], token);
                // Let the head and the first bytes arrive, then abort: a zero linger closes with RST, not FIN.
                await Task.Delay(200, token);
                connection.Socket.Close(0);
                return;
            default:
                string coding = path.Trim('/');
                byte[] corrupt = coding switch
                {
                    "gzip" => "this is not gzip at all, not even its magic number"u8.ToArray(),
                    // A zlib header, then a block of the reserved type 11.
                    "deflate" => [0x78, 0x9C, .. Enumerable.Repeat((byte)0xFF, 64)],
                    "br" => Enumerable.Repeat((byte)0xFF, 64).ToArray(),
                    _ => throw new InvalidOperationException(path),
                };
                await RawHttpServer.WriteAsync(connection, $"HTTP/1.1 200 OK\r\nContent-Encoding: {coding}\r\nContent-Length: {corrupt.Length}\r\n\r\n", token);
                await connection.WriteAsync(corrupt, token);
                return;
        }
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task ChunkedBodyCutOffIsChunkedEncodingError([Values] BodyRead read, [Values] bool async)
    {
        string url = _server.Url("/chunked-cut");

        var e = await Send.Throws<ChunkedEncodingException>(async, () => BodyReader.Read(read, url, 5), () => BodyReader.ReadAsync(read, url, 5));

        Assert.That(e.Message, Does.Contain(url));
    }

    [Test]
    public async Task CorruptEncodedBodyIsContentDecodingError(
        [Values("gzip", "deflate", "br")] string coding, [ValueSource(nameof(DecodingReads))] BodyRead read, [Values] bool async)
    {
        string url = _server.Url("/" + coding);

        var e = await Send.Throws<ContentDecodingException>(async, () => BodyReader.Read(read, url, 5), () => BodyReader.ReadAsync(read, url, 5));

        Assert.That(e, Is.Not.InstanceOf<DecompressionLimitException>());
        Assert.That(e.Message, Does.Contain(url).And.Contain("decode"));
    }

    [Test]
    public async Task CorruptEncodedBodyReadRawIsTheBytesAsSent([Values("gzip", "deflate", "br")] string coding, [Values] bool async)
    {
        string url = _server.Url("/" + coding);

        int length = await Send.Either(async, () => BodyReader.Read(BodyRead.Raw, url, 5), () => BodyReader.ReadAsync(BodyRead.Raw, url, 5));

        Assert.That(length, Is.EqualTo(coding == "deflate" ? 66 : coding == "br" ? 64 : 50), "Raw does not decode, so nothing fails");
    }

    [Test]
    public async Task ResetMidBodyIsConnectionError([Values] BodyRead read, [Values] bool async)
    {
        string url = _server.Url("/reset");

        var e = await Send.Throws<ConnectionException>(async, () => BodyReader.Read(read, url, 5), () => BodyReader.ReadAsync(read, url, 5));

        Assert.That(e.Message, Does.Contain(url).And.Contain("reset"));
        Assert.That(e.InnerException, Is.Not.Null.And.Not.InstanceOf<RequestException>(), "the socket's error is kept as the cause");
        Assert.That(FindSocketError(e), Is.EqualTo(SocketError.ConnectionReset));
    }

    private static SocketError? FindSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket) return socket.SocketErrorCode;
        }
        return null;
    }
}
