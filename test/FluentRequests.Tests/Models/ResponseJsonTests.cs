using System.Text;
using System.Text.Json;

namespace FluentRequests.Tests.Models;

/// <summary>Json() and Json&lt;T&gt;(), and JsonDecodeException for bodies that are not JSON.</summary>
public class ResponseJsonTests : WireMockTest
{
    private sealed record Item(int Id, string Name, string[] Tags);

    private void Respond(string path, string body, string contentType = "application/json")
        => Server.Given(WmRequest.Create().WithPath(path))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(Encoding.UTF8.GetBytes(body)));

    private Task<Response> Get(bool async, string path) => Send.Either(async, () => Requests.Get(Url(path)), () => Requests.GetAsync(Url(path)));

    [Test]
    public async Task JsonParsesTheBody([Values] bool async)
    {
        Respond("/j", "{\"id\": 7, \"name\": \"café\", \"tags\": [\"a\", \"b\"]}");

        var json = (await Get(async, "/j")).Json();

        Assert.That(json.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(json.GetProperty("id").GetInt32(), Is.EqualTo(7));
        Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("café"));
        Assert.That(json.GetProperty("tags").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task JsonOfTDeserializesCaseInsensitively([Values] bool async)
    {
        Respond("/t", "{\"id\": 7, \"name\": \"café\", \"tags\": [\"a\", \"b\"]}");

        var item = (await Get(async, "/t")).Json<Item>();

        Assert.That(item, Is.Not.Null);
        Assert.That(item!.Id, Is.EqualTo(7));
        Assert.That(item.Name, Is.EqualTo("café"));
        Assert.That(item.Tags, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task JsonOfTWithOptions([Values] bool async)
    {
        Respond("/o", "{\"Id\": 1, \"Name\": \"x\", \"Tags\": []}");
        var strict = new JsonSerializerOptions { PropertyNameCaseInsensitive = false };

        var item = (await Get(async, "/o")).Json<Item>(strict);

        Assert.That(item!.Name, Is.EqualTo("x"));
    }

    [Test]
    public async Task JsonWorksWithoutAJsonContentType([Values] bool async)
    {
        Respond("/p", "[1, 2, 3]", "text/plain; charset=utf-8");

        var json = (await Get(async, "/p")).Json();

        Assert.That(json.EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task JsonHonoursADeclaredNonUtf8Charset([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/latin1"))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=iso-8859-1")
                .WithBody(Encoding.Latin1.GetBytes("{\"name\": \"café\"}")));

        var json = (await Get(async, "/latin1")).Json();

        Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("café"));
    }

    [Test]
    public async Task InvalidJsonThrowsJsonDecodeExceptionWithPosition([Values] bool async)
    {
        Respond("/bad", "{\n  \"a\": 1,\n  oops\n}");
        var response = await Get(async, "/bad");

        var e = Assert.Throws<JsonDecodeException>(() => response.Json())!;

        Assert.That(e.LineNumber, Is.EqualTo(2));
        Assert.That(e.BytePositionInLine, Is.EqualTo(2));
        Assert.That(e.Message, Does.Contain(Url("/bad")));
        Assert.That(e.Response, Is.SameAs(response));
        Assert.That(e, Is.InstanceOf<InvalidJsonException>().And.InstanceOf<RequestException>());
        Assert.That(e.InnerException, Is.InstanceOf<JsonException>());
    }

    [Test]
    public async Task InvalidJsonOfTThrowsJsonDecodeException([Values] bool async)
    {
        Respond("/bad-t", "<html>not json</html>", "text/html");
        var response = await Get(async, "/bad-t");

        var e = Assert.Throws<JsonDecodeException>(() => response.Json<Item>())!;

        Assert.That(e.LineNumber, Is.EqualTo(0));
        Assert.That(e.BytePositionInLine, Is.EqualTo(0));
    }

    [Test]
    public async Task JsonOfTWithAMismatchedShapeThrowsJsonDecodeException([Values] bool async)
    {
        Respond("/shape", "{\"id\": \"not a number\"}");
        var response = await Get(async, "/shape");

        var e = Assert.Throws<JsonDecodeException>(() => response.Json<Item>())!;

        Assert.That(e.LineNumber, Is.Not.Null);
        Assert.That(e.BytePositionInLine, Is.Not.Null);
    }

    [Test]
    public async Task EmptyBodyIsNotJson([Values] bool async)
    {
        Respond("/empty", "");
        var response = await Get(async, "/empty");

        Assert.Throws<JsonDecodeException>(() => response.Json());
    }

    [Test]
    public async Task JsonSkipsAUtf8ByteOrderMark([Values] bool async)
    {
        // Requests' guess_json_utf detects the BOM when no charset is declared.
        Server.Given(WmRequest.Create().WithPath("/bom"))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream")
                .WithBody([0xEF, 0xBB, 0xBF, .. "{\"a\": 1}"u8.ToArray()]));
        var response = await Get(async, "/bom");

        Assert.That(response.Json().GetProperty("a").GetInt32(), Is.EqualTo(1));
        Assert.That(response.Json<Dictionary<string, int>>()!["a"], Is.EqualTo(1));
    }
}
