using System.Text;
using System.Text.Json;

namespace FluentRequests.Tests.Preparing;

/// <summary>The <c>json</c> argument: System.Text.Json with names as declared, NaN refused, and <c>data</c> winning.</summary>
public class JsonBodyTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    public sealed class Account
    {
        public string UserName { get; set; } = "";
        public int LoginCount { get; set; }
        public string[] Roles { get; set; } = [];
    }

    private Task<Response> Post(bool async, object? data = null, object? json = null, object? headers = null)
        => Send.Either(async,
            () => Requests.Post(Url("/j"), data: data, json: json, headers: headers),
            () => Requests.PostAsync(Url("/j"), data: data, json: json, headers: headers));

    private string SentText => Encoding.UTF8.GetString(LastRequest.Bytes());

    [Test]
    public async Task AnonymousObjectIsSerializedWithNamesAsDeclared([Values] bool async)
    {
        var response = await Post(async, json: new { Name = "x", count = 2, nested = new { a = new[] { 1, 2 } }, none = (string?)null });

        const string expected = "{\"Name\":\"x\",\"count\":2,\"nested\":{\"a\":[1,2]},\"none\":null}";
        Assert.That(SentText, Is.EqualTo(expected));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/json"));
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(response.Request.Body, Is.EqualTo(Encoding.UTF8.GetBytes(expected)));
    }

    [Test]
    public async Task ClassPropertiesKeepTheirPascalCase([Values] bool async)
    {
        await Post(async, json: new Account { UserName = "ann", LoginCount = 3, Roles = ["admin"] });

        Assert.That(SentText, Is.EqualTo("{\"UserName\":\"ann\",\"LoginCount\":3,\"Roles\":[\"admin\"]}"));
    }

    [Test]
    public async Task DictionaryListAndStringAreSerialized([Values] bool async)
    {
        await Post(async, json: new Dictionary<string, object> { ["snake_key"] = 1.5, ["b"] = true });
        Assert.That(SentText, Is.EqualTo("{\"snake_key\":1.5,\"b\":true}"));

        await Post(async, json: new List<int> { 1, 2 });
        Assert.That(SentText, Is.EqualTo("[1,2]"));

        await Post(async, json: "text");
        Assert.That(SentText, Is.EqualTo("\"text\""));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/json"));
    }

    [Test]
    public async Task NonAsciiTextSurvives([Values] bool async)
    {
        await Post(async, json: new { s = "ü <tag> & ✓" });

        using var doc = JsonDocument.Parse(LastRequest.Bytes());
        Assert.That(doc.RootElement.GetProperty("s").GetString(), Is.EqualTo("ü <tag> & ✓"));
    }

    [Test]
    public async Task NonAsciiOfTheBmpGoesOutAsUtf8AndEmojiAsEscapedSurrogatePairs([Values] bool async)
    {
        // What docs/sessions.md and coming-from-requests.md promise; Requests escapes all non-ASCII (ensure_ascii).
        await Post(async, json: new { s = "é✓😀" });

        Assert.That(SentText, Is.EqualTo("{\"s\":\"é✓\\uD83D\\uDE00\"}"));
    }

    [Test]
    public async Task NaNOrInfinityThrowsInvalidJsonBeforeSending(
        [Values] bool async, [Values(double.NaN, double.PositiveInfinity, double.NegativeInfinity)] double value)
    {
        var json = new { ok = 1, bad = value };

        var ex = await Send.Throws<InvalidJsonException>(async,
            () => Requests.Post(Url("/j"), json: json),
            () => Requests.PostAsync(Url("/j"), json: json));

        Assert.That(ex, Is.InstanceOf<RequestException>());
        Assert.That(ex.Message, Does.Contain("json").IgnoreCase);
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task NaNInsideACollectionAlsoThrows([Values] bool async)
    {
        var json = new Dictionary<string, double[]> { ["v"] = [1, float.NaN] };

        await Send.Throws<InvalidJsonException>(async, () => Requests.Post(Url("/j"), json: json), () => Requests.PostAsync(Url("/j"), json: json));

        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task DataBeatsJson([Values] bool async)
    {
        await Post(async, data: "raw=1", json: new { a = 1 });

        Assert.That(SentText, Is.EqualTo("raw=1"));
        Assert.That(LastRequest.Header("Content-Type"), Is.Null);
    }

    [Test]
    public async Task FormDataBeatsJson([Values] bool async)
    {
        await Post(async, data: new { f = "v" }, json: new { a = 1 });

        Assert.That(SentText, Is.EqualTo("f=v"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded"));
    }

    [Test]
    public async Task JsonIsUsedWhenDataIsAnEmptyMapping([Values] bool async)
    {
        await Post(async, data: new Dictionary<string, string>(), json: new { a = 1 });

        Assert.That(SentText, Is.EqualTo("{\"a\":1}"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/json"));
    }

    [Test]
    public async Task UserContentTypeIsKept([Values] bool async)
    {
        await Post(async, json: new { a = 1 }, headers: new { Content_Type = "application/vnd.api+json" });

        Assert.That(SentText, Is.EqualTo("{\"a\":1}"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/vnd.api+json"));
    }

    [Test]
    public async Task NullJsonSendsNoBody([Values] bool async)
    {
        var response = await Post(async, json: null);

        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("0"));
        Assert.That(LastRequest.Header("Content-Type"), Is.Null);
        Assert.That(response.Request.Body, Is.Null);
    }

    [Test]
    public async Task JsonOnPutAndPatchViaRequest([Values] bool async, [Values("PUT", "PATCH", "DELETE")] string method)
    {
        await Send.Either(async,
            () => Requests.Request(method, Url("/j"), json: new { id = 7 }),
            () => Requests.RequestAsync(method, Url("/j"), json: new { id = 7 }));

        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(SentText, Is.EqualTo("{\"id\":7}"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/json"));
    }
}
