namespace FluentRequests.Tests.Content;

/// <summary>
/// A multipart body sent again, after a 307/308 redirect or for a retry: every stream part is rewound to where it was
/// when the request was made, or the resend fails with <see cref="UnrewindableBodyException"/> when a part cannot seek.
/// </summary>
public class MultipartResendTests : WireMockTest
{
    private static readonly RetryPolicy RetryPosts = new()
    {
        MaxRetries = 2, BackoffBase = TimeSpan.FromMilliseconds(10), BackoffMax = TimeSpan.FromMilliseconds(20), Jitter = false,
        Methods = new HashSet<string> { "POST" },
    };

    private static Files SeekableParts() => new()
    {
        { "first", ("one.txt", new MemoryStream("stream one"u8.ToArray()), "text/plain") },
        { "bytes", ("b.bin", "some bytes"u8.ToArray()) },
        { "second", new MemoryStream("skip:stream two"u8.ToArray()) { Position = 5 } },
    };

    private static Files WithANonSeekablePart() => new()
    {
        { "first", ("one.txt", new MemoryStream("stream one"u8.ToArray())) },
        { "pipe", ("pipe.txt", new NonSeekableStream(new MemoryStream("read once"u8.ToArray()))) },
    };

    private void RedirectUpload(int status)
    {
        Server.Given(WmRequest.Create().WithPath("/upload").UsingPost())
            .RespondWith(WmResponse.Create().WithStatusCode(status).WithHeader("Location", "/target"));
        Server.Given(WmRequest.Create().WithPath("/target").UsingPost()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("stored"));
    }

    private void FailOnceThenSucceed(bool async)
    {
        string scenario = $"multipart-retry-{async}-{Guid.NewGuid():N}";
        Server.Given(WmRequest.Create().WithPath("/flaky").UsingPost()).InScenario(scenario).WillSetStateTo("up")
            .RespondWith(WmResponse.Create().WithStatusCode(503));
        Server.Given(WmRequest.Create().WithPath("/flaky").UsingPost()).InScenario(scenario).WhenStateIs("up")
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("stored"));
    }

    [Test]
    public async Task RedirectResendsEveryStreamPartFromItsStart([Values(307, 308)] int status, [Values] bool async)
    {
        RedirectUpload(status);
        var files = SeekableParts();
        var data = new { note = "kept" };

        var response = await Send.Either(async,
            () => Requests.Post(Url("/upload"), data: data, files: files), () => Requests.PostAsync(Url("/upload"), data: data, files: files));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received.Select(e => e.RequestMessage.Path), Is.EqualTo(new[] { "/upload", "/target" }));
        AssertSameFullBody(Received[0].RequestMessage, Received[1].RequestMessage);
    }

    [Test]
    public async Task RedirectWithANonSeekablePartRaisesUnrewindable([Values(307, 308)] int status, [Values] bool async)
    {
        RedirectUpload(status);
        var files = WithANonSeekablePart();

        var e = await Send.Throws<UnrewindableBodyException>(async,
            () => Requests.Post(Url("/upload"), files: files), () => Requests.PostAsync(Url("/upload"), files: files));

        Assert.That(e.Response?.StatusCode, Is.EqualTo(status));
        Assert.That(Received.Select(r => r.RequestMessage.Path), Is.EqualTo(new[] { "/upload" }), "the redirect was not followed");
    }

    [Test]
    public async Task RetryResendsEveryStreamPartFromItsStart([Values] bool async)
    {
        FailOnceThenSucceed(async);
        using var session = new Session { Retry = RetryPosts };
        var files = SeekableParts();

        var response = await Send.Either(async,
            () => session.Post(Url("/flaky"), files: files), () => session.PostAsync(Url("/flaky"), files: files));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received, Has.Count.EqualTo(2));
        AssertSameFullBody(Received[0].RequestMessage, Received[1].RequestMessage);
    }

    [Test]
    public async Task RetryWithANonSeekablePartRaisesUnrewindable([Values] bool async)
    {
        FailOnceThenSucceed(async);
        using var session = new Session { Retry = RetryPosts };
        var files = WithANonSeekablePart();

        await Send.Throws<UnrewindableBodyException>(async,
            () => session.Post(Url("/flaky"), files: files), () => session.PostAsync(Url("/flaky"), files: files));

        Assert.That(Received, Has.Count.EqualTo(1), "the body could not be sent again");
    }

    private static void AssertSameFullBody(WireMock.IRequestMessage first, WireMock.IRequestMessage resent)
    {
        string body = System.Text.Encoding.UTF8.GetString(resent.Bytes());
        Assert.That(body, Does.Contain("filename=\"one.txt\"\r\nContent-Type: text/plain\r\n\r\nstream one\r\n"));
        Assert.That(body, Does.Contain("filename=\"second\"\r\n\r\nstream two\r\n"));
        Assert.That(resent.Bytes(), Is.EqualTo(first.Bytes()), "the resent body is the first one, byte for byte");
        Assert.That(resent.Header("Content-Length"), Is.EqualTo(first.Bytes().Length.ToString()));
    }
}
