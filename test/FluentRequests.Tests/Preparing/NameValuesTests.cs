using System.Text;

namespace FluentRequests.Tests.Preparing;

/// <summary>
/// <see cref="NameValues.Of"/>, the trimming-safe anonymous object, and the KeyValuePair shapes read without
/// reflection: each sends what the plain anonymous object or pairs send.
/// </summary>
public class NameValuesTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private sealed class Filter
    {
        public string Tag { get; set; } = "";

        public int Page { get; set; }
    }

    [Test]
    public async Task ParamsFromAnAnonymousObjectKeepOrderRepeatSequencesAndDropNulls([Values] bool async)
    {
        var values = NameValues.Of(new { q = "a b", page = 2, tag = new[] { "x", "y" }, none = (string?)null, on = true });

        await Send.Either(async, () => Requests.Get(Url("/p"), @params: values), () => Requests.GetAsync(Url("/p"), @params: values));

        Assert.That(LastRequest.RawQuery, Is.EqualTo("?q=a+b&page=2&tag=x&tag=y&on=True"));
    }

    [Test]
    public async Task HeadersTurnUnderscoresIntoDashesAsAnAnonymousObjectDoes([Values] bool async)
    {
        var headers = NameValues.Of(new { X_Trace_Id = "t-1", Accept = "text/plain" });

        await Send.Either(async, () => Requests.Get(Url("/h"), headers: headers), () => Requests.GetAsync(Url("/h"), headers: headers));

        Assert.That(LastRequest.Header("X-Trace-Id"), Is.EqualTo("t-1"));
        Assert.That(LastRequest.Header("Accept"), Is.EqualTo("text/plain"));
        Assert.That(LastRequest.Headers!.ContainsKey("X_Trace_Id"), Is.False);
    }

    [Test]
    public async Task FormDataAndCookiesFromAClass([Values] bool async)
    {
        var form = NameValues.Of(new Filter { Tag = "fast", Page = 3 });
        var cookies = NameValues.Of(new { session_id = "abc" });

        await Send.Either(async,
            () => Requests.Post(Url("/f"), data: form, cookies: cookies),
            () => Requests.PostAsync(Url("/f"), data: form, cookies: cookies));

        Assert.That(Encoding.ASCII.GetString(LastRequest.Bytes()), Is.EqualTo("Tag=fast&Page=3"));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(LastRequest.Header("Cookie"), Is.EqualTo("session_id=abc"));
    }

    [Test]
    public void ValuesAreReadOnceWhenWrapped()
    {
        var filter = new Filter { Tag = "before" };

        var values = NameValues.Of(filter);
        filter.Tag = "after";

        Assert.That(values, Is.EqualTo(new KeyValuePair<string, object?>[] { new("Tag", "before"), new("Page", 0) }));
    }

    [Test]
    public void AStaticTypeThatIsNotTheObjectsOwnIsRefused()
    {
        object boxed = new { q = 1 };

        var e = Assert.Throws<ArgumentException>(() => NameValues.Of(boxed))!;

        Assert.That(e.ParamName, Is.EqualTo("values"));
        Assert.That(e.Message, Does.Contain("System.Object").And.Contain("own static type"));
    }

    [Test]
    public void NullIsRefused() => Assert.Throws<ArgumentNullException>(() => NameValues.Of<Filter>(null!));

    [Test]
    public async Task KeyValuePairsOfValueTypesAreSentAsTheirValues([Values] bool async)
    {
        object[] pairs =
        [
            new KeyValuePair<string, int>("i", 1), new KeyValuePair<string, long>("l", 2L), new KeyValuePair<string, double>("d", 2.5),
            new KeyValuePair<string, bool>("b", false), new KeyValuePair<string, string[]>("s", ["x", "y"]), ("t", 7),
        ];

        await Send.Either(async, () => Requests.Get(Url("/k"), @params: pairs), () => Requests.GetAsync(Url("/k"), @params: pairs));

        Assert.That(LastRequest.RawQuery, Is.EqualTo("?i=1&l=2&d=2.5&b=False&s=x&s=y&t=7"));
    }
}
