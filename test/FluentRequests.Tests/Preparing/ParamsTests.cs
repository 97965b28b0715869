using System.Globalization;
using System.Text;

namespace FluentRequests.Tests.Preparing;

/// <summary>The <c>params</c> argument: every accepted shape, Requests' encoding, and merging with <see cref="Session.Params"/>.</summary>
public class ParamsTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private async Task<string?> SentQuery(bool async, object? @params, string path = "/p")
    {
        await Send.Either(async, () => Requests.Get(Url(path), @params), () => Requests.GetAsync(Url(path), @params));
        return LastRequest.RawQuery;
    }

    [Test]
    public async Task Dictionary([Values] bool async)
    {
        var query = await SentQuery(async, new Dictionary<string, object?> { ["q"] = "x", ["n"] = 5 });

        Assert.That(query, Is.EqualTo("?q=x&n=5"));
    }

    [Test]
    public async Task ReadOnlyDictionaryOfStrings([Values] bool async)
    {
        IReadOnlyDictionary<string, string> parameters = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };

        Assert.That(await SentQuery(async, parameters), Is.EqualTo("?a=1&b=2"));
    }

    [Test]
    public async Task KeyValuePairListKeepsOrderAndRepeats([Values] bool async)
    {
        var pairs = new List<KeyValuePair<string, string>> { new("b", "1"), new("a", "2"), new("b", "3") };

        Assert.That(await SentQuery(async, pairs), Is.EqualTo("?b=1&a=2&b=3"));
    }

    [Test]
    public async Task Tuples([Values] bool async)
    {
        var pairs = new (string, object)[] { ("a", "1"), ("b", 2), ("a", 3.5) };

        Assert.That(await SentQuery(async, pairs), Is.EqualTo("?a=1&b=2&a=3.5"));
    }

    [Test]
    public async Task AnonymousObject([Values] bool async)
    {
        Assert.That(await SentQuery(async, new { q = "search", page = 2, exact = true }), Is.EqualTo("?q=search&page=2&exact=True"));
    }

    [Test]
    public async Task RawStringIsUsedAsTheQuery([Values] bool async)
    {
        Assert.That(await SentQuery(async, "a=1&b=two&flag"), Is.EqualTo("?a=1&b=two&flag"));
        Assert.That(await SentQuery(async, "q=b c", "/p?x=1"), Is.EqualTo("?x=1&q=b%20c"), "appended and requoted, not form-encoded");
    }

    [Test]
    public async Task RawBytesAreUsedAsTheQuery([Values] bool async)
    {
        Assert.That(await SentQuery(async, Encoding.UTF8.GetBytes("x=1&y=2")), Is.EqualTo("?x=1&y=2"));
    }

    [Test]
    public async Task SequenceValuesRepeatTheKey([Values] bool async)
    {
        var query = await SentQuery(async, new Dictionary<string, object?> { ["tag"] = new[] { "a", "b" }, ["id"] = new List<int> { 1, 2, 3 } });

        Assert.That(query, Is.EqualTo("?tag=a&tag=b&id=1&id=2&id=3"));
    }

    [Test]
    public async Task NullValuesAreDropped([Values] bool async)
    {
        Assert.That(await SentQuery(async, new Dictionary<string, object?> { ["a"] = "1", ["b"] = null, ["c"] = "3" }), Is.EqualTo("?a=1&c=3"));
        Assert.That(await SentQuery(async, new { only = (string?)null, kept = "k" }), Is.EqualTo("?kept=k"));
    }

    [Test]
    public async Task EmptyParamsAddNoQuestionMark([Values] bool async)
    {
        var response = await Send.Either(async,
            () => Requests.Get(Url("/p"), new Dictionary<string, string>()),
            () => Requests.GetAsync(Url("/p"), new Dictionary<string, string>()));

        Assert.That(response.Url, Is.EqualTo(Url("/p")));
        Assert.That(LastRequest.RawQuery, Is.Null.Or.Empty);
    }

    [Test]
    public async Task AppendedToAnExistingQueryWithAmpersand([Values] bool async)
    {
        Assert.That(await SentQuery(async, new { y = 2 }, "/p?x=1"), Is.EqualTo("?x=1&y=2"));
    }

    [Test]
    public async Task AppendedAfterABareQuestionMark([Values] bool async)
    {
        Assert.That(await SentQuery(async, new { y = 2 }, "/p?"), Is.EqualTo("?y=2"));
    }

    [Test]
    public async Task InsertedBeforeTheFragment([Values] bool async)
    {
        string url = Url("/p?x=1#frag");

        var response = await Send.Either(async, () => Requests.Get(url, new { y = 2 }), () => Requests.GetAsync(url, new { y = 2 }));

        Assert.That(response.Url, Is.EqualTo(Url("/p?x=1&y=2#frag")));
        Assert.That(LastRequest.RawQuery, Is.EqualTo("?x=1&y=2"));
    }

    [Test]
    public async Task EncodedLikeRequests([Values] bool async)
    {
        var query = await SentQuery(async, new Dictionary<string, object?>
        {
            ["q"] = "a b/c&d=e+f",
            ["key with space"] = "ü",
            ["safe"] = "~-._*",
            ["hash"] = "#1?",
        });

        Assert.That(query, Is.EqualTo("?q=a+b%2Fc%26d%3De%2Bf&key+with+space=%C3%BC&safe=~-._%2A&hash=%231%3F"));
    }

    [Test]
    public async Task ValuesAreFormattedWithTheInvariantCulture([Values] bool async)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.That(await SentQuery(async, new { ratio = 1.5, big = 1234567 }), Is.EqualTo("?ratio=1.5&big=1234567"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public async Task SessionParamsAreSent([Values] bool async)
    {
        using var session = new Session();
        session.Params["api"] = "v2";

        await Send.Either(async, () => session.Get(Url("/p")), () => session.GetAsync(Url("/p")));

        Assert.That(LastRequest.RawQuery, Is.EqualTo("?api=v2"));
    }

    // Scalars and structs with public properties (DateTime, Guid) are not mappings: never encoded member by member.
    private static readonly object[] UnsupportedParams = [42, true, new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc), Guid.Empty];

    [Test]
    public async Task UnsupportedParamsTypeThrowsArgumentExceptionBeforeSending([Values] bool async, [ValueSource(nameof(UnsupportedParams))] object parameters)
    {
        var ex = await Send.Throws<ArgumentException>(async, () => Requests.Get(Url("/p"), parameters), () => Requests.GetAsync(Url("/p"), parameters));

        Assert.That(ex.Message, Does.Contain("params").And.Contain("anonymous object"));
        Assert.That(Received, Is.Empty);
    }
}
