namespace FluentRequests.Tests.Preparing;

/// <summary>Default headers, merging session and request headers, and Requests' header validity rules.</summary>
public class HeaderTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    public sealed record BadHeader(string Name, string Value, string Named)
    {
        public override string ToString() => $"{Named}: '{Name.Replace("\r", "\\r").Replace("\n", "\\n")}'";
    }

    // Named: what the exception message must contain to tell the user which header is wrong.
    private static readonly BadHeader[] BadHeaders =
    [
        new("X-Bad\r\nInjected", "v", "X-Bad"),
        new("X-Bad\nInjected", "v", "X-Bad"),
        new("X-Colon:Name", "v", "X-Colon:Name"),
        new(" X-Leading", "v", "X-Leading"),
        new("X-Value-Lf", "a\nb", "X-Value-Lf"),
        new("X-Value-Crlf", "a\r\nInjected: yes", "X-Value-Crlf"),
        new("X-Value-Leading", " padded", "X-Value-Leading"),
        new("X-Value-Tab", "\tpadded", "X-Value-Tab"),
    ];

    [Test]
    public async Task DefaultHeadersAreSent([Values] bool async)
    {
        await Send.Either(async, () => Requests.Get(Url("/h")), () => Requests.GetAsync(Url("/h")));

        var version = typeof(Session).Assembly.GetName().Version!;
        Assert.That(LastRequest.Header("User-Agent"), Is.EqualTo($"FluentRequests/{version.Major}.{version.Minor}.{version.Build}"));
        Assert.That(LastRequest.Header("User-Agent"), Is.EqualTo(Session.DefaultUserAgent));
        Assert.That(LastRequest.Header("Accept"), Is.EqualTo("*/*"));
        Assert.That(LastRequest.Header("Accept-Encoding"), Is.EqualTo("gzip, deflate, br"));
        Assert.That(LastRequest.Header("Connection"), Is.EqualTo("keep-alive"));
    }

    [Test]
    public void NewSessionStartsWithTheDefaults()
    {
        using var session = new Session();

        Assert.That(session.Headers["user-agent"], Does.Match(@"^FluentRequests/\d+\.\d+\.\d+"));
        Assert.That(session.Headers["ACCEPT"], Is.EqualTo("*/*"));
        Assert.That(session.Headers["Accept-Encoding"], Is.EqualTo("gzip, deflate, br"));
        Assert.That(session.Headers["Connection"], Is.EqualTo("keep-alive"));
        Assert.That(session.Headers.Count, Is.EqualTo(4));
    }

    [Test]
    public async Task RequestHeaderWinsOverSessionHeaderWhateverTheCase([Values] bool async)
    {
        using var session = new Session();
        session.Headers["X-Token"] = "session";
        var headers = new Dictionary<string, object?> { ["x-token"] = "request", ["user-agent"] = "mine/1.0" };

        await Send.Either(async, () => session.Get(Url("/h"), headers: headers), () => session.GetAsync(Url("/h"), headers: headers));

        Assert.That(LastRequest.Headers!.Keys.Count(k => k.Equals("X-Token", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
        Assert.That(LastRequest.Header("X-Token"), Is.EqualTo("request"));
        Assert.That(LastRequest.Header("User-Agent"), Is.EqualTo("mine/1.0"));
        Assert.That(session.Headers["X-Token"], Is.EqualTo("session"), "the session's own headers are not changed");
    }

    [Test]
    public async Task SessionHeadersAreSent([Values] bool async)
    {
        using var session = new Session();
        session.Headers["X-Session"] = "s1";

        await Send.Either(async,
            () => session.Get(Url("/h"), headers: new { X_Request = "r1" }),
            () => session.GetAsync(Url("/h"), headers: new { X_Request = "r1" }));

        Assert.That(LastRequest.Header("X-Session"), Is.EqualTo("s1"));
        Assert.That(LastRequest.Header("X-Request"), Is.EqualTo("r1"));
    }

    [Test]
    public async Task NullRequestValueRemovesASessionHeader([Values] bool async)
    {
        using var session = new Session();
        session.Headers["X-Session"] = "s1";
        var headers = new Dictionary<string, object?> { ["x-session"] = null, ["User-Agent"] = null };

        await Send.Either(async, () => session.Get(Url("/h"), headers: headers), () => session.GetAsync(Url("/h"), headers: headers));

        Assert.That(LastRequest.Header("X-Session"), Is.Null);
        Assert.That(LastRequest.Header("User-Agent"), Is.Null);
        Assert.That(LastRequest.Header("Accept"), Is.EqualTo("*/*"));
    }

    [Test]
    public async Task UserAcceptEncodingIsSentAsGiven([Values] bool async)
    {
        var headers = new { Accept_Encoding = "identity" };

        await Send.Either(async, () => Requests.Get(Url("/h"), headers: headers), () => Requests.GetAsync(Url("/h"), headers: headers));

        Assert.That(LastRequest.Header("Accept-Encoding"), Is.EqualTo("identity"));
    }

    [Test]
    public async Task AnonymousObjectUnderscoresBecomeDashes([Values] bool async)
    {
        var headers = new { X_Api_Key = "secret", Accept = "application/json", X_Count = 5 };

        await Send.Either(async, () => Requests.Get(Url("/h"), headers: headers), () => Requests.GetAsync(Url("/h"), headers: headers));

        Assert.That(LastRequest.Header("X-Api-Key"), Is.EqualTo("secret"));
        Assert.That(LastRequest.Header("X_Api_Key"), Is.Null);
        Assert.That(LastRequest.Header("Accept"), Is.EqualTo("application/json"));
        Assert.That(LastRequest.Header("X-Count"), Is.EqualTo("5"));
    }

    [Test]
    public async Task NumbersInHeaderObjectsAreFormattedWithTheInvariantCulture([Values] bool async)
    {
        // Requests raises InvalidHeader for a non-string value; coming-from-requests.md lists this difference.
        var headers = new Dictionary<string, object> { ["X-Count"] = 5, ["X-Ratio"] = 1.5, ["X-Big"] = 1234567L };
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await Send.Either(async, () => Requests.Get(Url("/h"), headers: headers), () => Requests.GetAsync(Url("/h"), headers: headers));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }

        Assert.That(LastRequest.Header("X-Count"), Is.EqualTo("5"));
        Assert.That(LastRequest.Header("X-Ratio"), Is.EqualTo("1.5"));
        Assert.That(LastRequest.Header("X-Big"), Is.EqualTo("1234567"));
    }

    [Test]
    public async Task DictionaryKeysKeepTheirUnderscores([Values] bool async)
    {
        var headers = new Dictionary<string, string> { ["X_Literal"] = "1" };

        await Send.Either(async, () => Requests.Get(Url("/h"), headers: headers), () => Requests.GetAsync(Url("/h"), headers: headers));

        Assert.That(LastRequest.Header("X_Literal"), Is.EqualTo("1"));
        Assert.That(LastRequest.Header("X-Literal"), Is.Null);
    }

    [Test]
    public async Task PairsAndTuplesAreAccepted([Values] bool async)
    {
        var tuples = new[] { ("X-A", "1"), ("X-B", "2") };
        var pairs = new List<KeyValuePair<string, string>> { new("X-C", "3") };

        await Send.Either(async, () => Requests.Get(Url("/h"), headers: tuples), () => Requests.GetAsync(Url("/h"), headers: tuples));
        Assert.That(LastRequest.Header("X-A"), Is.EqualTo("1"));
        Assert.That(LastRequest.Header("X-B"), Is.EqualTo("2"));

        await Send.Either(async, () => Requests.Get(Url("/h"), headers: pairs), () => Requests.GetAsync(Url("/h"), headers: pairs));
        Assert.That(LastRequest.Header("X-C"), Is.EqualTo("3"));
    }

    [Test]
    public void PreparedHeadersHoldTheMergedSet()
    {
        using var session = new Session();
        session.Headers["X-Session"] = "s";

        var prepared = session.Prepare(new FluentRequests.Request("GET", Url("/h")) { Headers = new { X_Request = "r", Accept = "text/plain" } });

        Assert.That(prepared.Headers["x-session"], Is.EqualTo("s"));
        Assert.That(prepared.Headers["X-REQUEST"], Is.EqualTo("r"));
        Assert.That(prepared.Headers["Accept"], Is.EqualTo("text/plain"));
        Assert.That(prepared.Headers["User-Agent"], Is.EqualTo(Session.DefaultUserAgent));
        Assert.That(prepared.Headers.ContainsKey("Content-Length"), Is.False);
    }

    [Test]
    public async Task InvalidRequestHeaderThrowsBeforeSending([Values] bool async, [ValueSource(nameof(BadHeaders))] BadHeader bad)
    {
        var headers = new Dictionary<string, string> { [bad.Name] = bad.Value };

        var ex = await Send.Throws<InvalidHeaderException>(async,
            () => Requests.Get(Url("/h"), headers: headers),
            () => Requests.GetAsync(Url("/h"), headers: headers));

        Assert.That(ex.Message, Does.Contain(bad.Named));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task InvalidHeaderOnAPostWithABodySendsNothing([Values] bool async)
    {
        var headers = new { X_Bad = "evil\r\nContent-Length: 0" };

        var ex = await Send.Throws<InvalidHeaderException>(async,
            () => Requests.Post(Url("/h"), data: "body", headers: headers),
            () => Requests.PostAsync(Url("/h"), data: "body", headers: headers));

        Assert.That(ex.Message, Does.Contain("X-Bad"));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public void SettingAnInvalidSessionHeaderThrows([ValueSource(nameof(BadHeaders))] BadHeader bad)
    {
        using var session = new Session();

        var ex = Assert.Throws<InvalidHeaderException>(() => session.Headers[bad.Name] = bad.Value);
        Assert.That(ex!.Message, Does.Contain(bad.Named));
        Assert.Throws<InvalidHeaderException>(() => session.Headers.Add(bad.Name, bad.Value));
        Assert.That(session.Headers.ContainsKey(bad.Name), Is.False);
    }

    [Test]
    public void SessionHeaderWithNewlineThrows()
    {
        using var session = new Session();

        var ex = Assert.Throws<InvalidHeaderException>(() => session.Headers["X"] = "a\nb");

        Assert.That(ex!.Message, Does.Contain("'X'"));
        Assert.That(session.Headers["X"], Is.Null);
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task EmptyHeaderValueIsAllowed([Values] bool async)
    {
        var headers = new Dictionary<string, string> { ["X-Empty"] = "" };

        var response = await Send.Either(async, () => Requests.Get(Url("/h"), headers: headers), () => Requests.GetAsync(Url("/h"), headers: headers));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Request.Headers["X-Empty"], Is.EqualTo(""));
    }
}
