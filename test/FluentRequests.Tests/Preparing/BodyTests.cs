using System.Net.Http.Headers;
using System.Text;

namespace FluentRequests.Tests.Preparing;

/// <summary>The <c>data</c> argument: form encoding, strings, bytes, <see cref="HttpContent"/>, Content-Length rules and bad types.</summary>
public class BodyTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private Task<Response> Post(bool async, object? data, object? headers = null)
        => Send.Either(async, () => Requests.Post(Url("/b"), data: data, headers: headers), () => Requests.PostAsync(Url("/b"), data: data, headers: headers));

    private static string Ascii(byte[] bytes) => Encoding.ASCII.GetString(bytes);

    [Test]
    public async Task DictionaryIsFormEncoded([Values] bool async)
    {
        var response = await Post(async, new Dictionary<string, object?> { ["a"] = "1", ["b"] = "two words", ["n"] = 3 });

        Assert.That(Ascii(LastRequest.Bytes()), Is.EqualTo("a=1&b=two+words&n=3"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("19"));
        Assert.That(response.Request.Body, Is.EqualTo(Encoding.ASCII.GetBytes("a=1&b=two+words&n=3")));
    }

    [Test]
    public async Task PairsAndTuplesAreFormEncodedInOrderWithRepeats([Values] bool async)
    {
        await Post(async, new List<KeyValuePair<string, string>> { new("k", "1"), new("j", "x"), new("k", "2") });
        Assert.That(Ascii(LastRequest.Bytes()), Is.EqualTo("k=1&j=x&k=2"));

        await Post(async, new (string, object)[] { ("t", 1), ("t", "b") });
        Assert.That(Ascii(LastRequest.Bytes()), Is.EqualTo("t=1&t=b"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded"));
    }

    [Test]
    public async Task AnonymousObjectIsFormEncodedWithSequencesRepeatedAndNullsDropped([Values] bool async)
    {
        await Post(async, new { a = new[] { 1, 2 }, skipped = (string?)null, c = "x", ok = false });

        Assert.That(Ascii(LastRequest.Bytes()), Is.EqualTo("a=1&a=2&c=x&ok=False"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded"));
    }

    [Test]
    public async Task FormIsEncodedLikeRequests([Values] bool async)
    {
        await Post(async, new Dictionary<string, string> { ["q"] = "a b/c&d=e+f", ["ü key"] = "ü~*", ["pct"] = "100%" });

        Assert.That(Ascii(LastRequest.Bytes()), Is.EqualTo("q=a+b%2Fc%26d%3De%2Bf&%C3%BC+key=%C3%BC~%2A&pct=100%25"));
    }

    [Test]
    public async Task UserContentTypeIsKept([Values] bool async)
    {
        await Post(async, new { a = 1 }, new { Content_Type = "application/x-custom" });

        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/x-custom"));
        Assert.That(Ascii(LastRequest.Bytes()), Is.EqualTo("a=1"));
    }

    [Test]
    public async Task UserContentTypeIsKeptWhateverTheCase([Values] bool async)
    {
        await Post(async, "<x/>", new Dictionary<string, string> { ["content-type"] = "application/xml" });

        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/xml"));
        Assert.That(LastRequest.Headers!.Keys.Count(k => k.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
    }

    [Test]
    public async Task StringIsSentAsUtf8WithoutContentType([Values] bool async)
    {
        const string text = "héllo wörld ✓";

        var response = await Post(async, text);

        Assert.That(LastRequest.Bytes(), Is.EqualTo(Encoding.UTF8.GetBytes(text)));
        Assert.That(LastRequest.Header("Content-Type"), Is.Null);
        Assert.That(LastRequest.Header("Content-Length"),
            Is.EqualTo(Encoding.UTF8.GetByteCount(text).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(response.Request.Headers.ContainsKey("Content-Type"), Is.False);
    }

    [Test]
    public async Task BytesAreSentAsIsWithoutContentType([Values] bool async)
    {
        byte[] bytes = [0, 255, 1, 128, 13, 10, 0];

        var response = await Post(async, bytes);

        Assert.That(LastRequest.Bytes(), Is.EqualTo(bytes));
        Assert.That(LastRequest.Header("Content-Type"), Is.Null);
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("7"));
        Assert.That(response.Request.Body, Is.SameAs(bytes).Or.EqualTo(bytes));
    }

    [Test]
    public async Task HttpContentIsSentWithItsContentType([Values] bool async)
    {
        using var content = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json");

        await Post(async, content);

        Assert.That(Encoding.UTF8.GetString(LastRequest.Bytes()), Is.EqualTo("{\"a\":1}"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
    }

    [Test]
    public async Task UserContentTypeBeatsTheHttpContentOne([Values] bool async)
    {
        using var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        await Post(async, content, new { Content_Type = "image/png" });

        Assert.That(LastRequest.Bytes(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("image/png"));
    }

    [Test]
    public async Task BodilessRequestSendsContentLengthZero([Values] bool async, [Values("POST", "PUT", "PATCH", "OPTIONS", "DELETE")] string method)
    {
        var response = await Send.Either(async, () => Requests.Request(method, Url("/b")), () => Requests.RequestAsync(method, Url("/b")));

        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("0"));
        Assert.That(LastRequest.Header("Transfer-Encoding"), Is.Null);
        Assert.That(LastRequest.Header("Content-Type"), Is.Null);
        Assert.That(response.Request.Headers["Content-Length"], Is.EqualTo("0"));
        Assert.That(response.Request.Body, Is.Null);
    }

    [Test]
    public async Task GetAndHeadSendNoContentLength([Values] bool async, [Values("GET", "HEAD")] string method)
    {
        var response = await Send.Either(async, () => Requests.Request(method, Url("/b")), () => Requests.RequestAsync(method, Url("/b")));

        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(LastRequest.Header("Content-Length"), Is.Null);
        Assert.That(LastRequest.Header("Transfer-Encoding"), Is.Null);
        Assert.That(response.Request.Headers.ContainsKey("Content-Length"), Is.False);
    }

    [Test]
    public async Task EmptyMappingIsNoBody([Values] bool async)
    {
        var response = await Post(async, new Dictionary<string, string>());

        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("0"));
        Assert.That(LastRequest.Header("Content-Type"), Is.Null);
        Assert.That(response.Request.Body, Is.Null);
    }

    [Test]
    public async Task BodyOnGetIsSent([Values] bool async)
    {
        await Send.Either(async, () => Requests.Get(Url("/b"), data: "q"), () => Requests.GetAsync(Url("/b"), data: "q"));

        Assert.That(LastRequest.Method, Is.EqualTo("GET"));
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("1"));
    }

    [Test]
    public async Task UnsupportedDataTypeThrowsArgumentExceptionBeforeSending([Values] bool async, [Values(42, 4.2, true)] object data)
    {
        var ex = await Send.Throws<ArgumentException>(async, () => Requests.Post(Url("/b"), data: data), () => Requests.PostAsync(Url("/b"), data: data));

        Assert.That(ex.Message, Does.Contain(data.GetType().FullName!));
        Assert.That(ex.Message, Does.Contain("string, byte[], Stream").And.Contain("HttpContent").And.Contain("IEnumerable<byte[]>"));
        Assert.That(Received, Is.Empty);
    }

    // Structs with public properties are not mappings: they must not be form-encoded member by member.
    private static readonly object[] UnsupportedStructs =
    [
        new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc),
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero),
        TimeSpan.FromSeconds(5),
        Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
    ];

    [Test]
    public async Task DateLikeDataThrowsArgumentExceptionBeforeSending([Values] bool async, [ValueSource(nameof(UnsupportedStructs))] object data)
    {
        var ex = await Send.Throws<ArgumentException>(async, () => Requests.Post(Url("/b"), data: data), () => Requests.PostAsync(Url("/b"), data: data));

        Assert.That(ex.Message, Does.Contain("data").And.Contain("string, byte[], Stream"));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public void PreparedRequestShowsMethodUrlPathAndBody()
    {
        using var session = new Session();

        var prepared = session.Prepare(new FluentRequests.Request("post", Url("/search?q=1#top")) { Params = new { page = 2 }, Data = new { a = "b c" } });

        Assert.That(prepared.Method, Is.EqualTo("POST"));
        Assert.That(prepared.Url, Is.EqualTo(Url("/search?q=1&page=2#top")));
        Assert.That(prepared.PathUrl, Is.EqualTo("/search?q=1&page=2"));
        Assert.That(prepared.Body, Is.EqualTo(Encoding.ASCII.GetBytes("a=b+c")));
        Assert.That(prepared.Headers["Content-Type"], Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(prepared.Headers["Content-Length"], Is.EqualTo("5"));
    }

    [Test]
    public void PreparedMultipartBodyIsTheFilesObjectWithTheBoundaryInContentType()
    {
        // docs/sessions.md: for multipart, Body is the Files given, not the encoded bytes.
        using var session = new Session();
        var files = new Files { { "upload", ("a.txt", "contents", "text/plain") } };

        var prepared = session.Prepare(new FluentRequests.Request("POST", Url("/m")) { Files = files });

        Assert.That(prepared.Body, Is.SameAs(files));
        Assert.That(prepared.Headers["Content-Type"], Does.StartWith("multipart/form-data; boundary="));
    }

    [Test]
    public async Task PreparedRequestIsSentAsPrepared([Values] bool async)
    {
        using var session = new Session();
        var prepared = session.Prepare(new FluentRequests.Request("patch", Url("/items/1")) { Data = "x=1", Headers = new { X_Trace = "t" } });
        prepared.Headers["X-Added-Later"] = "yes";

        var response = await Send.Either(async, () => session.Send(prepared), () => session.SendAsync(prepared));

        Assert.That(LastRequest.Method, Is.EqualTo("PATCH"));
        Assert.That(LastRequest.Path, Is.EqualTo("/items/1"));
        Assert.That(Ascii(LastRequest.Bytes()), Is.EqualTo("x=1"));
        Assert.That(LastRequest.Header("X-Trace"), Is.EqualTo("t"));
        Assert.That(LastRequest.Header("X-Added-Later"), Is.EqualTo("yes"));
        Assert.That(response.Request.Method, Is.EqualTo("PATCH"));
    }

    [Test]
    public void InvalidMethodThrowsArgumentException()
    {
        using var session = new Session();

        Assert.Throws<ArgumentException>(() => session.Prepare(new FluentRequests.Request("GE T", Url("/b"))));
        Assert.That(Received, Is.Empty);
    }
}
