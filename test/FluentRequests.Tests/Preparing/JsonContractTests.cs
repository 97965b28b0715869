using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FluentRequests.Tests.Preparing;

/// <summary>A source-generated context with snake_case names, so a body shows whether it was the one used.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JsonContractTests.Account))]
internal sealed partial class SnakeJson : JsonSerializerContext;

/// <summary>
/// JSON with a System.Text.Json contract, the trimming- and AOT-safe path: <see cref="JsonBody"/>, a session whose
/// options carry a JsonSerializerContext, the builder's typed overloads and
/// <see cref="Response.Json{T}(System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>.
/// </summary>
public class JsonContractTests : WireMockTest
{
    public sealed record Account(string UserName, int LoginCount);

    private static readonly Account Ann = new("ann", 3);
    private const string SnakeAnn = "{\"user_name\":\"ann\",\"login_count\":3}";

    private string SentText => Encoding.UTF8.GetString(LastRequest.Bytes());

    private void Answer(string body = "ok")
        => Server.Given(WmRequest.Create().UsingAnyMethod())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    [Test]
    public async Task JsonBodyIsSerializedWithItsContract([Values] bool async)
    {
        Answer();
        var body = JsonBody.Create(Ann, SnakeJson.Default.Account);

        var response = await Send.Either(async, () => Requests.Post(Url("/j"), json: body), () => Requests.PostAsync(Url("/j"), json: body));

        Assert.That(SentText, Is.EqualTo(SnakeAnn));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/json"));
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo(SnakeAnn.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(body.Value, Is.SameAs(Ann));
        Assert.That(response.Request.Body, Is.EqualTo(Encoding.UTF8.GetBytes(SnakeAnn)));
    }

    [Test]
    public async Task ASessionWithAContextsOptionsSerializesAPlainJsonValueWithThem([Values] bool async)
    {
        Answer();
        using var session = new Session { JsonOptions = SnakeJson.Default.Options };

        await Send.Either(async, () => session.Post(Url("/j"), json: Ann), () => session.PostAsync(Url("/j"), json: Ann));

        Assert.That(SentText, Is.EqualTo(SnakeAnn));
    }

    [Test]
    public async Task ATypeTheSessionsResolverDoesNotKnowIsAnInvalidJsonExceptionNamingTheFix([Values] bool async)
    {
        // The context is the only resolver: no reflection fallback, even in a JIT app that allows it.
        Answer();
        using var session = new Session { JsonOptions = new JsonSerializerOptions { TypeInfoResolver = SnakeJson.Default } };
        var unknown = new Uri("http://example.com/");

        var e = await Send.Throws<InvalidJsonException>(async,
            () => session.Post(Url("/j"), json: unknown), () => session.PostAsync(Url("/j"), json: unknown));

        Assert.That(e.Message, Does.Contain("System.Uri").And.Contain("JsonSerializerContext").And.Contain("JsonBody.Create"));
        Assert.That(Received, Is.Empty, "nothing is sent when the body cannot be serialized");
    }

    [Test]
    public async Task ParsedJsonNeedsNoContract([Values] bool async)
    {
        Answer();
        using var session = new Session { JsonOptions = new JsonSerializerOptions { TypeInfoResolver = SnakeJson.Default } };
        using var document = JsonDocument.Parse("{\"a\": [1, \"é\"]}");
        var node = System.Text.Json.Nodes.JsonNode.Parse("{\"n\":true}")!;

        await Send.Either(async, () => session.Post(Url("/j"), json: document.RootElement), () => session.PostAsync(Url("/j"), json: document.RootElement));
        Assert.That(SentText, Is.EqualTo("{\"a\":[1,\"\\u00E9\"]}"), "the options' default encoder escapes non-ASCII");

        await Send.Either(async, () => session.Post(Url("/j"), json: node), () => session.PostAsync(Url("/j"), json: node));
        Assert.That(SentText, Is.EqualTo("{\"n\":true}"));
    }

    [Test]
    public async Task BuilderJsonShortcutsTakeAContract([Values] bool async)
    {
        Answer(SnakeAnn);
        var builder = Requests.Url(Url("/b"));

        await Send.Either(async, () => builder.PostJson(Ann, SnakeJson.Default.Account), () => builder.PostJsonAsync(Ann, SnakeJson.Default.Account));
        Assert.That((LastRequest.Method, SentText), Is.EqualTo(("POST", SnakeAnn)));

        await Send.Either(async, () => builder.PutJson(Ann, SnakeJson.Default.Account), () => builder.PutJsonAsync(Ann, SnakeJson.Default.Account));
        Assert.That((LastRequest.Method, SentText), Is.EqualTo(("PUT", SnakeAnn)));

        await Send.Either(async, () => builder.PatchJson(Ann, SnakeJson.Default.Account), () => builder.PatchJsonAsync(Ann, SnakeJson.Default.Account));
        Assert.That((LastRequest.Method, SentText), Is.EqualTo(("PATCH", SnakeAnn)));

        var read = await Send.Either(async, () => builder.GetJson(SnakeJson.Default.Account), () => builder.GetJsonAsync(SnakeJson.Default.Account));
        Assert.That(read, Is.EqualTo(Ann));
    }

    [Test]
    public async Task ResponseJsonWithAContractReadsItsNamesAndReportsBadBodies([Values] bool async)
    {
        Answer(SnakeAnn);
        var response = await Send.Either(async, () => Requests.Get(Url("/r")), () => Requests.GetAsync(Url("/r")));

        Assert.That(response.Json(SnakeJson.Default.Account), Is.EqualTo(Ann));
        Assert.That(response.Json<Account>(), Is.EqualTo(new Account(null!, 0)), "the web defaults do not map snake_case names");

        Server.Reset();
        Answer("{\"user_name\": ");
        var bad = await Send.Either(async, () => Requests.Get(Url("/r")), () => Requests.GetAsync(Url("/r")));
        Assert.Throws<JsonDecodeException>(() => bad.Json(SnakeJson.Default.Account));
    }

    [Test]
    public async Task BuilderGetJsonWithAContractRaisesForStatus([Values] bool async)
    {
        Server.Given(WmRequest.Create().UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(404).WithBody(SnakeAnn));
        var builder = Requests.Url(Url("/missing"));

        var e = await Send.Throws<HttpStatusException>(async,
            () => builder.GetJson(SnakeJson.Default.Account), () => builder.GetJsonAsync(SnakeJson.Default.Account));

        Assert.That(e.Response!.StatusCode, Is.EqualTo(404));
    }
}
