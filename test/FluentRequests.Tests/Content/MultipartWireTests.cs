using System.Text;
using System.Text.RegularExpressions;

namespace FluentRequests.Tests.Content;

/// <summary>
/// Every <c>files</c>/<c>data</c> form, compared byte for byte with what Python Requests sends
/// (<see cref="MultipartReference"/>): in memory with the boundary fixed, and as a Kestrel server received it,
/// with the random boundary put into the expected bytes.
/// </summary>
public class MultipartWireTests
{
    private CapturingServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await CapturingServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private static IEnumerable<string> CaseNames => MultipartCases.All.Keys;

    [TestCaseSource(nameof(CaseNames))]
    public async Task BodyWithAFixedBoundaryIsRequestsBytes(string name)
    {
        var (files, data) = MultipartCases.All[name]();
        var (filesAgain, dataAgain) = MultipartCases.All[name]();
        try
        {
            using var sync = new MultipartBody(files, data, MultipartReference.Boundary).CreateContent();
            using var written = new MemoryStream();
            sync.CopyTo(written, null, CancellationToken.None);
            using var asyncContent = new MultipartBody(filesAgain, dataAgain, MultipartReference.Boundary).CreateContent();
            using var writtenAsync = new MemoryStream();
            await asyncContent.CopyToAsync(writtenAsync);

            Assert.That(Show(written.ToArray()), Is.EqualTo(Show(MultipartReference.Bodies[name])), "sync");
            Assert.That(Show(writtenAsync.ToArray()), Is.EqualTo(Show(MultipartReference.Bodies[name])), "async");
            Assert.That(sync.Headers.ContentLength, Is.EqualTo(MultipartReference.Bodies[name].Length));
        }
        finally
        {
            DisposeStreams(files);
            DisposeStreams(filesAgain);
        }
    }

    [Test]
    public async Task ServerReceivesRequestsBytes([ValueSource(nameof(CaseNames))] string name, [Values] bool async)
    {
        var (files, data) = MultipartCases.All[name]();
        try
        {
            var received = await Post(async, $"/{name}-{async}", files, data);

            var expected = WithBoundary(MultipartReference.Bodies[name], BoundaryOf(received));
            Assert.That(Show(received.Body), Is.EqualTo(Show(expected)));
            Assert.That(received.Header("Content-Length"), Is.EqualTo(expected.Length.ToString()), "every part's length is known");
            Assert.That(received.Header("Transfer-Encoding"), Is.Null);
        }
        finally
        {
            DisposeStreams(files);
        }
    }

    [Test]
    public async Task BoundaryIs32RandomHexDigitsAsInUrllib3([Values] bool async)
    {
        var first = await Post(async, $"/boundary1-{async}", new Files { ["f"] = "x" }, null);
        var second = await Post(async, $"/boundary2-{async}", new Files { ["f"] = "x" }, null);

        Assert.That(BoundaryOf(first), Does.Match("^[0-9a-f]{32}$"));
        Assert.That(BoundaryOf(second), Is.Not.EqualTo(BoundaryOf(first)));
    }

    [Test]
    public async Task FromPathSendsTheFileNameAndStreamsTheFile([Values] bool async)
    {
        var files = new Files { ["f"] = FileField.FromPath(MultipartCases.ReportPath) };
        try
        {
            var received = await Post(async, $"/frompath-{async}", files, null);
            Assert.That(Show(received.Body), Is.EqualTo(Show(WithBoundary(MultipartReference.Bodies["FileStreamAlone"], BoundaryOf(received)))));
        }
        finally
        {
            DisposeStreams(files);
        }
    }

    [Test]
    public async Task NonSeekableStreamPartIsChunkedWithTheSameBytes([Values] bool async)
    {
        var files = new Files { ["f"] = new NonSeekableStream(new MemoryStream("data"u8.ToArray())) };

        var received = await Post(async, $"/chunked-{async}", files, null);

        Assert.That(received.Header("Transfer-Encoding"), Is.EqualTo("chunked"));
        Assert.That(received.Header("Content-Length"), Is.Null);
        Assert.That(Show(received.Body), Is.EqualTo(Show(WithBoundary(MultipartReference.Bodies["OtherStreamAlone"], BoundaryOf(received)))));
    }

    [Test]
    public async Task StreamPartIsSentFromItsCurrentPosition([Values] bool async)
    {
        var files = new Files { ["f"] = new MemoryStream("skipdata"u8.ToArray()) { Position = 4 } };

        var received = await Post(async, $"/position-{async}", files, null);

        var expected = WithBoundary(MultipartReference.Bodies["OtherStreamAlone"], BoundaryOf(received));
        Assert.That(Show(received.Body), Is.EqualTo(Show(expected)));
        Assert.That(received.Header("Content-Length"), Is.EqualTo(expected.Length.ToString()));
    }

    [Test]
    public async Task LargeStreamPartIsCopiedWhole([Values] bool async)
    {
        var payload = new byte[300_000];
        new Random(7).NextBytes(payload);
        var files = new Files { ["big"] = ("big.bin", new NonSeekableStream(new MemoryStream(payload)), "application/octet-stream") };

        var received = await Post(async, $"/large-{async}", files, null);

        string boundary = BoundaryOf(received);
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"big\"; filename=\"big.bin\"\r\n" +
                                           "Content-Type: application/octet-stream\r\n\r\n");
        var expected = head.Concat(payload).Concat(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")).ToArray();
        Assert.That(received.Body, Is.EqualTo(expected));
    }

    [Test]
    public async Task StringDataWithFilesIsRejectedAsInRequests([Values("text", "")] string data, [Values] bool async)
    {
        var e = await PostRejected(async, new Files { ["f"] = "x" }, data);
        Assert.That(e.Message, Does.StartWith("Data must not be a string."));
        Assert.That(e.ParamName, Is.EqualTo("data"));
    }

    [Test]
    public async Task ByteDataWithFilesIsRejectedAsInRequests([Values] bool async)
    {
        var e = await PostRejected(async, new Files { ["f"] = "x" }, "bytes"u8.ToArray());
        Assert.That(e.Message, Does.StartWith("Data must not be a string."));
    }

    private static IEnumerable<object> StreamedData()
    {
        yield return new MemoryStream("x"u8.ToArray());
        yield return new List<byte[]> { "x"u8.ToArray() };
        yield return new ByteArrayContent("x"u8.ToArray());
    }

    [Test]
    public async Task StreamedDataWithFilesIsRejected([ValueSource(nameof(StreamedData))] object data, [Values] bool async)
    {
        var e = await PostRejected(async, new Files { ["f"] = "x" }, data);
        Assert.That(e.Message, Does.StartWith("Streamed bodies and files are mutually exclusive"), "Requests' words");
        Assert.That(e.ParamName, Is.EqualTo("data"));
        Assert.That(_server.Received.Where(r => r.PathAndQuery.StartsWith("/rejected")), Is.Empty, "nothing was sent");
    }

    [Test]
    public async Task StreamAsADataFieldValueIsRejected([Values] bool async)
    {
        var e = await PostRejected(async, new Files { ["f"] = "x" }, new Dictionary<string, object> { ["s"] = new MemoryStream() });
        Assert.That(e.Message, Does.Contain("'s'"));
    }

    [Test]
    public void CrLfInAPartHeaderIsRejected()
    {
        var files = new Files { ["f"] = ("a.txt", "x", null, new Dictionary<string, string> { ["X-A"] = "1\r\nX-Injected: 2" }) };
        Assert.Throws<InvalidHeaderException>(() => Requests.Post(_server.Url("/injected"), files: files));
        var typed = new Files { ["f"] = ("a.txt", "x", "text/plain\r\nX-Injected: 2") };
        Assert.Throws<InvalidHeaderException>(() => Requests.Post(_server.Url("/injected"), files: typed));
    }

    private async Task<ArgumentException> PostRejected(bool async, Files files, object data)
    {
        string url = _server.Url("/rejected");
        return await Send.Throws<ArgumentException>(async,
            () => Requests.Post(url, data: data, files: files), () => Requests.PostAsync(url, data: data, files: files));
    }

    private async Task<Captured> Post(bool async, string path, Files files, object? data)
    {
        string url = _server.Url(path);
        var response = await Send.Either(async,
            () => Requests.Post(url, data: data, files: files), () => Requests.PostAsync(url, data: data, files: files));
        Assert.That(response.StatusCode, Is.EqualTo(200));
        return _server.Received.Single(r => r.PathAndQuery == path);
    }

    private static string BoundaryOf(Captured received)
    {
        var match = Regex.Match(received.Header("Content-Type") ?? "", "^multipart/form-data; boundary=(.+)$");
        Assert.That(match.Success, $"Content-Type: {received.Header("Content-Type")}");
        return match.Groups[1].Value;
    }

    private static byte[] WithBoundary(byte[] reference, string boundary)
        => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(reference).Replace(MultipartReference.Boundary, boundary));

    /// <summary>The bytes as text with CR and LF visible, so a failure shows where the bodies part ways.</summary>
    private static string Show(byte[] bytes) => Encoding.Latin1.GetString(bytes).Replace("\r", "\\r").Replace("\n", "\\n\n");

    private static void DisposeStreams(Files files)
    {
        foreach (var (_, field) in files) (field.Content as Stream)?.Dispose();
    }
}
