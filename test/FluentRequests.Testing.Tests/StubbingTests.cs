using System.Text;

namespace FluentRequests.Testing.Tests;

public sealed class StubbingTests
{
    [Test]
    public void QueuedResponsesAnswerInOrderThenTheDefaultIsAnEmpty200()
    {
        using var http = new FakeHttp();
        http.RespondWith("first").RespondWith(FakeResponse.Status(201)).RespondWithJson(new { n = 3 }, status: 202);

        Assert.That(Requests.Get("https://api.example.com/a").Text, Is.EqualTo("first"));
        Assert.That(Requests.Get("https://api.example.com/b").StatusCode, Is.EqualTo(201));
        var third = Requests.Get("https://api.example.com/c");
        Assert.That((third.StatusCode, third.Json().GetProperty("n").GetInt32()), Is.EqualTo((202, 3)));
        var unmatched = Requests.Get("https://api.example.com/d");
        Assert.That((unmatched.StatusCode, unmatched.Content.Length), Is.EqualTo((200, 0)));
        Assert.That(http.Calls.Select(c => c.Matched), Is.EqualTo(new[] { true, true, true, false }));
    }

    [Test]
    public void StubsMatchByVerbUrlQueryHeadersAndBodyAndTheLastAddedWins()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("https://api.example.com/*").RespondWith("any");
        http.ForCallsTo("https://api.example.com/users*").WithVerb("POST").WithJsonBody(new { name = "Ada" }).RespondWith("ada", 201);
        http.ForCallsTo("https://api.example.com/users*").WithQuery("page", 2).RespondWith("page two");
        http.ForCallsTo("https://api.example.com/users*").WithHeader("X-Tenant", "blue*").RespondWith("blue");
        http.ForCallsTo("https://api.example.com/users*").WithBody("*secret*").RespondWith("secret");

        using var session = new Session();
        Assert.Multiple(() =>
        {
            Assert.That(session.Post("https://api.example.com/users", json: new { name = "Ada" }).Text, Is.EqualTo("ada"));
            Assert.That(session.Post("https://api.example.com/users", json: new { name = "Bob" }).Text, Is.EqualTo("any"));
            Assert.That(session.Get("https://api.example.com/users", @params: new { page = 2 }).Text, Is.EqualTo("page two"));
            Assert.That(session.Get("https://api.example.com/users", @params: new { page = 3 }).Text, Is.EqualTo("any"));
            Assert.That(session.Get("https://api.example.com/users", headers: new { X_Tenant = "blue-eu" }).Text, Is.EqualTo("blue"));
            Assert.That(session.Put("https://api.example.com/users/1", data: "a secret value").Text, Is.EqualTo("secret"));
            Assert.That(session.Get("https://other.example.com/").StatusCode, Is.EqualTo(200));
            Assert.That(http.Calls[^1].Matched, Is.False);
        });
    }

    [Test]
    public void AStubGivesItsResponsesInOrderAndRepeatsTheLast()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("*").RespondWithSequence(FakeResponse.Status(503), FakeResponse.Text("ok"));

        var statuses = Enumerable.Range(0, 3).Select(_ => Requests.Get("https://api.example.com/").StatusCode).ToList();

        Assert.That(statuses, Is.EqualTo(new[] { 503, 200, 200 }));
    }

    [Test]
    public void AResponseCanBeAFunctionOfTheRequest()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("https://api.example.com/echo").RespondWith(call => FakeResponse.Text($"{call.Method} {call.Query[0].Value} {call.BodyText}"));

        var response = Requests.Post("https://api.example.com/echo?q=1", data: "hello");

        Assert.That(response.Text, Is.EqualTo("POST 1 hello"));
    }

    [Test]
    public void TextJsonAndBytesCarryTheirStatusHeadersAndContentType()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("*/text").RespondWith(FakeResponse.Text("héllo", 202).WithHeader("X-Trace", "t1").WithHeader("X-Trace", "t2").WithReason("Fine"));
        http.ForCallsTo("*/json").RespondWith(FakeResponse.Json("""{"a":[1,2]}""", 409));
        http.ForCallsTo("*/bytes").RespondWith(FakeResponse.Bytes([0, 255, 7], contentType: "image/png"));

        var text = Requests.Get("https://x.test/text");
        var json = Requests.Get("https://x.test/json");
        var bytes = Requests.Get("https://x.test/bytes");

        Assert.Multiple(() =>
        {
            Assert.That((text.StatusCode, text.Reason, text.Text), Is.EqualTo((202, "Fine", "héllo")));
            Assert.That(text.Headers["X-Trace"], Is.EqualTo("t1, t2"));
            Assert.That(text.Headers["Content-Type"], Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(text.Headers["Content-Length"], Is.EqualTo("6"));
            Assert.That((json.StatusCode, json.Json().GetProperty("a")[1].GetInt32()), Is.EqualTo((409, 2)));
            Assert.That(json.Headers["Content-Type"], Is.EqualTo("application/json; charset=utf-8"));
            Assert.That(bytes.Content, Is.EqualTo(new byte[] { 0, 255, 7 }));
            Assert.That(bytes.Headers["Content-Type"], Is.EqualTo("image/png"));
        });
    }

    [Test]
    public void AHeadResponseHasNoBodyButTheLengthAGetWouldHave()
    {
        using var http = new FakeHttp();
        http.RespondWith("twelve bytes");

        var response = Requests.Head("https://x.test/");

        Assert.That((response.Content.Length, response.Headers["Content-Length"]), Is.EqualTo((0, "12")));
    }

    [Test]
    public void AnUnmatchedCallFailsNamingTheCallWhenThrowOnUnmatchedCallsIsSet()
    {
        using var http = new FakeHttp { ThrowOnUnmatchedCalls = true };
        http.ForCallsTo("https://api.example.com/users").WithVerb("GET").RespondWith("[]");

        // A transport's failure reaches the caller inside the exception tree, as any handler's does.
        var e = Assert.Throws<ConnectionException>(() => Requests.Delete("https://api.example.com/users"));

        Assert.That(e!.InnerException, Is.InstanceOf<FakeHttpAssertionException>());
        Assert.That(e.InnerException!.Message, Is.EqualTo(
            "FakeHttp: no stub answers DELETE https://api.example.com/users, and ThrowOnUnmatchedCalls is set." + Environment.NewLine
            + "Stubs: to https://api.example.com/users with verb GET"));
    }

    [Test]
    public void AGzipEncodedBodyIsDecodedAsFromAServer()
    {
        using var http = new FakeHttp();
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("compressed text"));
        }
        http.RespondWith(FakeResponse.Bytes(packed.ToArray(), contentType: "text/plain").WithHeader("Content-Encoding", "gzip"));

        Assert.That(Requests.Get("https://x.test/").Text, Is.EqualTo("compressed text"));
    }

    [Test]
    public void BadStubArgumentsAreRefusedWithTheirName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => FakeResponse.Status(42), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("status"));
            Assert.That(() => FakeResponse.Redirect("/x", 200), Throws.ArgumentException.With.Message.Contains("3xx"));
            Assert.That(() => FakeResponse.Text("abc").ResetMidBody(3), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => FakeResponse.Text("abc").WithBodyDelay(TimeSpan.FromSeconds(-2)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
