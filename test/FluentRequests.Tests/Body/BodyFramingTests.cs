namespace FluentRequests.Tests.Body;

/// <summary>
/// A body's framing is believed only when it is unambiguous and met: a body shorter than its Content-Length is an
/// error (Requests' IncompleteRead), and conflicting Content-Length values are refused (Requests' InvalidHeader).
/// </summary>
[Parallelizable(ParallelScope.All)]
public class BodyFramingTests
{
    private RawHttpServer _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new RawHttpServer(async (path, connection, token) =>
    {
        if (path == "/smuggling")
        {
            // Framed by the first length, the rest of the body is a whole response of its own, waiting on the
            // kept-alive connection for whatever request comes next.
            await RawHttpServer.WriteAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 51\r\n\r\nhello"
                + "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsmuggled", token);
            await Task.Delay(TimeSpan.FromSeconds(20), token);
            return;
        }
        string head = path switch
        {
            "/short" => "Content-Length: 1000\r\n",
            "/short-repeated" => "Content-Length: 10, 10\r\n",
            "/conflicting-headers" => "Content-Length: 5\r\nContent-Length: 10\r\n",
            "/conflicting-list" => "Content-Length: 5, 10\r\n",
            "/conflicting-after-same" => "Content-Length: 5\r\nContent-Length: 5, 10\r\n",
            "/conflicting-then-same" => "Content-Length: 5, 10, 10\r\n",
            "/same-headers" => "Content-Length: 5\r\nContent-Length: 5\r\n",
            "/same-list" => "Content-Length: 5, 5\r\n",
            "/fine" => "Content-Length: 10\r\n",
            _ => throw new InvalidOperationException(path),
        };
        await RawHttpServer.WriteAsync(connection, $"HTTP/1.1 200 OK\r\n{head}Connection: close\r\n\r\n", token);
        if (path == "/short") await connection.WriteAsync(new byte[100], token);
        else if (path == "/short-repeated") await RawHttpServer.WriteAsync(connection, "hello", token);
        else await RawHttpServer.WriteAsync(connection, "helloworld", token);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task BodyShorterThanItsContentLengthIsIncompleteRead([Values] BodyRead read, [Values] bool async)
    {
        string url = _server.Url("/short");

        var e = await Send.Throws<ChunkedEncodingException>(async,
            () => BodyReader.Read(read, url, 5),
            () => BodyReader.ReadAsync(read, url, 5));

        Assert.That(e.Message, Does.Contain("IncompleteRead(100 bytes read, 900 more expected)").And.Contain(url));
    }

    [Test]
    public async Task BodyShorterThanARepeatedContentLengthIsIncompleteRead([Values] BodyRead read, [Values] bool async)
    {
        // The handler does not frame a repeated length (it reads to the close), so only the body stream's own count
        // stands between the caller and five bytes of ten: streamed reads have no other check.
        string url = _server.Url("/short-repeated");

        var e = await Send.Throws<ChunkedEncodingException>(async,
            () => BodyReader.Read(read, url, 5),
            () => BodyReader.ReadAsync(read, url, 5));

        Assert.That(e.Message, Does.Contain("IncompleteRead(5 bytes read, 5 more expected)").And.Contain(url));
    }

    [Test]
    public async Task ConflictingContentLengthsAreRefused(
        [Values("/conflicting-headers", "/conflicting-list", "/conflicting-after-same", "/conflicting-then-same")] string path,
        [Values(BodyRead.Buffered, BodyRead.Content)] BodyRead read, [Values] bool async)
    {
        string url = _server.Url(path);

        var e = await Send.Throws<InvalidHeaderException>(async,
            () => BodyReader.Read(read, url, 5),
            () => BodyReader.ReadAsync(read, url, 5));

        Assert.That(e.Message, Does.Contain("Content-Length").And.Contain("5").And.Contain("10").And.Contain(url));
    }

    [Test]
    public async Task ARefusedResponsesConnectionIsNotReused([Values] bool async)
    {
        using var session = new Session();

        await Send.Throws<InvalidHeaderException>(async, () => session.Get(_server.Url("/smuggling"), timeout: 5),
            () => session.GetAsync(_server.Url("/smuggling"), timeout: 5));
        var next = await Send.Either(async, () => session.Get(_server.Url("/fine"), timeout: 5), () => session.GetAsync(_server.Url("/fine"), timeout: 5));

        Assert.That(next.Text, Is.EqualTo("helloworld"), "the next request gets its own response, not the rest of the refused one");
    }

    [Test]
    public async Task IdenticalContentLengthsAreOneLength([Values("/same-headers", "/same-list")] string path, [Values] bool async)
    {
        string url = _server.Url(path);

        var response = await Send.Either(async, () => Requests.Get(url, timeout: 5), () => Requests.GetAsync(url, timeout: 5));

        Assert.That(response.Text, Is.EqualTo("hello"), "the body is framed by the one length, not read to the close");
    }
}
