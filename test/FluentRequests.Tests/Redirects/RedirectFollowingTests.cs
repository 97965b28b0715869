namespace FluentRequests.Tests.Redirects;

/// <summary>Which responses are followed, the History they build, and Requests' method/body rewriting per status.</summary>
public class RedirectFollowingTests : WireMockTest
{
    private void Redirect(string from, int status, string location)
        => Server.Given(WmRequest.Create().WithPath(from).UsingAnyMethod())
            .RespondWith(WmResponse.Create().WithStatusCode(status).WithHeader("Location", location));

    private void Ok(string path)
        => Server.Given(WmRequest.Create().WithPath(path).UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("final"));

    [Test]
    public async Task RedirectStatusesAreFollowed([Values(301, 302, 303, 307, 308)] int status, [Values] bool async)
    {
        Redirect("/start", status, "/done");
        Ok("/done");

        var response = await Send.Either(async, () => Requests.Get(Url("/start")), () => Requests.GetAsync(Url("/start")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("final"));
        Assert.That(response.Url, Is.EqualTo(Url("/done")));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { status }));
        Assert.That(response.History[0].Url, Is.EqualTo(Url("/start")));
        Assert.That(Received.Select(e => e.RequestMessage.Path), Is.EqualTo(new[] { "/start", "/done" }));
    }

    [Test]
    public async Task OtherStatusesWithALocationAreNotFollowed([Values(201, 300, 304, 305)] int status, [Values] bool async)
    {
        Redirect("/start", status, "/done");
        Ok("/done");

        var response = await Send.Either(async, () => Requests.Get(Url("/start")), () => Requests.GetAsync(Url("/start")));

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.IsRedirect, Is.False);
        Assert.That(response.History, Is.Empty);
        Assert.That(Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ARedirectStatusWithoutLocationIsNotFollowed([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/nowhere").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(302));

        var response = await Send.Either(async, () => Requests.Get(Url("/nowhere")), () => Requests.GetAsync(Url("/nowhere")));

        Assert.That(response.StatusCode, Is.EqualTo(302));
        Assert.That(response.IsRedirect, Is.False);
        Assert.That(Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task HistoryHoldsEveryHopOldestFirst([Values] bool async)
    {
        Redirect("/h1", 302, "/h2");
        Redirect("/h2", 301, "/h3");
        Redirect("/h3", 303, "/h4");
        Ok("/h4");

        var response = await Send.Either(async, () => Requests.Get(Url("/h1")), () => Requests.GetAsync(Url("/h1")));

        Assert.That(response.Url, Is.EqualTo(Url("/h4")));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 302, 301, 303 }));
        Assert.That(response.History.Select(h => h.Url), Is.EqualTo(new[] { Url("/h1"), Url("/h2"), Url("/h3") }));
        Assert.That(response.History[0].History, Is.Empty);
        Assert.That(response.History[1].History.Select(h => h.Url), Is.EqualTo(new[] { Url("/h1") }));
        Assert.That(response.History[2].History.Select(h => h.Url), Is.EqualTo(new[] { Url("/h1"), Url("/h2") }));
        Assert.That(response.History.Select(h => h.IsRedirect), Is.All.True);
        Assert.That(response.History.Select(h => h.IsPermanentRedirect), Is.EqualTo(new[] { false, true, false }));
    }

    // Requests' rebuild_method and its body rule (only 307/308 keep the body), end to end: one row per branch.
    // The whole method table is RedirectRuleTests.RebuildMethodFollowsRequests.
    [TestCase(303, "POST", "GET")]
    [TestCase(302, "HEAD", "HEAD")]
    [TestCase(301, "POST", "GET")]
    [TestCase(301, "PUT", "PUT", Description = "the method stays but the body is dropped")]
    [TestCase(307, "POST", "POST")]
    [TestCase(308, "PATCH", "PATCH")]
    public async Task MethodIsRewrittenAsRequestsDoes(int status, string method, string expected)
    {
        foreach (bool async in new[] { false, true })
        {
            Server.Reset();
            Redirect("/m", status, "/m2");
            Ok("/m2");
            object? data = method == "HEAD" ? null : new { field = "value" };
            using var session = new Session();

            var response = await Send.Either(async,
                () => session.Request(method, Url("/m"), data: data, allowRedirects: true),
                () => session.RequestAsync(method, Url("/m"), data: data, allowRedirects: true));

            Assert.That(response.StatusCode, Is.EqualTo(200), $"async={async}");
            Assert.That(Received, Has.Count.EqualTo(2));
            var (first, second) = (Received[0].RequestMessage, Received[1].RequestMessage);
            Assert.That(first.Method, Is.EqualTo(method));
            Assert.That(second.Method, Is.EqualTo(expected), $"{status} {method}, async={async}");
            Assert.That(response.Request.Method, Is.EqualTo(expected));
            if (data is null) continue;

            Assert.That(first.Body, Is.EqualTo("field=value"));
            if (status is 307 or 308)
            {
                Assert.That(second.Body, Is.EqualTo("field=value"), "307/308 keep the body");
                Assert.That(second.Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
                Assert.That(second.Header("Content-Length"), Is.EqualTo("11"));
            }
            else
            {
                Assert.That(second.Body ?? "", Is.Empty, "the body is dropped");
                Assert.That(second.Header("Content-Type"), Is.Null);
                Assert.That(second.Header("Content-Length"), Is.Null.Or.EqualTo("0"));
                Assert.That(response.Request.Body, Is.Null);
                Assert.That(response.Request.Headers.ContainsKey("Content-Type"), Is.False);
                Assert.That(response.Request.Headers.ContainsKey("Content-Length"), Is.False);
            }
        }
    }

    [Test]
    public async Task PostJsonFollowing307KeepsTheJsonBody([Values] bool async)
    {
        Redirect("/j", 307, "/j2");
        Ok("/j2");
        var builder = Requests.Url(Url("/j"));

        await Send.Either(async, () => builder.PostJson(new { a = 1 }), () => builder.PostJsonAsync(new { a = 1 }));

        var second = Received[1].RequestMessage;
        Assert.That(second.Method, Is.EqualTo("POST"));
        Assert.That(second.Body, Is.EqualTo("{\"a\":1}"));
        Assert.That(second.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public async Task SeekableStreamBodyIsRewoundFor307([Values] bool async)
    {
        Redirect("/up", 307, "/up2");
        Ok("/up2");
        using var body = new MemoryStream("skip:the full payload"u8.ToArray()) { Position = 5 };

        var response = await Send.Either(async,
            () => Requests.Post(Url("/up"), data: body),
            () => Requests.PostAsync(Url("/up"), data: body));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received.Select(e => e.RequestMessage.Body), Is.EqualTo(new[] { "the full payload", "the full payload" }));
        Assert.That(Received[1].RequestMessage.Header("Content-Length"), Is.EqualTo("16"));
    }

    [Test]
    public async Task NonSeekableStreamBodyCannotFollow307([Values] bool async)
    {
        Redirect("/up", 307, "/up2");
        Ok("/up2");
        using var body = new ForwardOnlyStream("once only"u8.ToArray());

        var e = await Send.Throws<UnrewindableBodyException>(async,
            () => Requests.Post(Url("/up"), data: body),
            () => Requests.PostAsync(Url("/up"), data: body));

        Assert.That(e.Response, Is.Not.Null);
        Assert.That(e.Response!.StatusCode, Is.EqualTo(307));
        Assert.That(Received.Select(r => r.RequestMessage.Path), Is.EqualTo(new[] { "/up" }));
        Assert.That(Received[0].RequestMessage.Body, Is.EqualTo("once only"));
    }

    [Test]
    public async Task ChunkSequenceBodyCannotFollow307([Values] bool async)
    {
        Redirect("/up", 307, "/up2");
        Ok("/up2");
        IEnumerable<byte[]> Chunks()
        {
            yield return "part1-"u8.ToArray();
            yield return "part2"u8.ToArray();
        }

        var e = await Send.Throws<UnrewindableBodyException>(async,
            () => Requests.Post(Url("/up"), data: Chunks()),
            () => Requests.PostAsync(Url("/up"), data: Chunks()));

        Assert.That(e.Response!.StatusCode, Is.EqualTo(307));
        Assert.That(Received, Has.Count.EqualTo(1), "an exhausted generator is never resent as an empty body");
        Assert.That(Received[0].RequestMessage.Body, Is.EqualTo("part1-part2"));
    }

    [Test]
    public async Task NonSeekableStreamBodyIsSimplyDroppedOn303([Values] bool async)
    {
        Redirect("/up", 303, "/up2");
        Ok("/up2");
        using var body = new ForwardOnlyStream("once only"u8.ToArray());

        var response = await Send.Either(async,
            () => Requests.Post(Url("/up"), data: body),
            () => Requests.PostAsync(Url("/up"), data: body));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(Received[1].RequestMessage.Method, Is.EqualTo("GET"));
    }

    [Test]
    public async Task RedirectOfAHeadIsReturnedUnfollowedWithNext([Values] bool async)
    {
        Redirect("/h", 301, "/h2");
        Ok("/h2");

        var response = await Send.Either(async, () => Requests.Head(Url("/h")), () => Requests.HeadAsync(Url("/h")));

        Assert.That(response.StatusCode, Is.EqualTo(301));
        Assert.That(response.Next, Is.Not.Null);
        Assert.That(response.Next!.Method, Is.EqualTo("HEAD"));
        Assert.That(response.Next.Url, Is.EqualTo(Url("/h2")));
    }

    /// <summary>A readable stream that cannot seek (like a network or pipe stream).</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
