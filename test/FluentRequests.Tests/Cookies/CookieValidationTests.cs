using System.Net;
using System.Text.RegularExpressions;

namespace FluentRequests.Tests.Cookies;

/// <summary>
/// A cookie can never add a header or another cookie to a request: what the caller gives is checked before
/// anything is sent, and what a server set is never sent in a form that changes the Cookie header's meaning.
/// </summary>
public class CookieValidationTests : WireMockTest
{
    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200));

    private string? CookieHeader()
        => LastRequest.Headers!.FirstOrDefault(h => string.Equals(h.Key, "Cookie", StringComparison.OrdinalIgnoreCase)).Value?.Single();

    public static readonly string[] BadValues =
    [
        "x\r\nX-Injected: 1", "x;injected=1", "x\ny", "x\ry", "x\0y", "x\ty", "x\u007Fy", "x\u0001y", "caf\u00e9", "\u20ac",
    ];

    public static readonly string[] BadNames = ["a b", "a=b", "a;b", "a\r\nX-Injected: 1", "", "a,b", "a\"b", "a:b", "caf\u00e9"];

    private static void AssertNamesTheCookie(ArgumentException e, string name)
    {
        Assert.That(e.Message, Does.Contain("cookie"));
        if (name.Length > 0 && name.All(c => c >= ' ')) Assert.That(e.Message, Does.Contain(name));
        Assert.That(e.Message, Does.Not.Contain("\r").And.Not.Contain("\n"), "the message does not carry the raw control characters");
    }

    [Test]
    public async Task PerRequestCookieValueThatCouldInjectIsRefusedBeforeSending([ValueSource(nameof(BadValues))] string value, [Values] bool async)
    {
        var cookies = new Dictionary<string, string> { ["c"] = value };

        var e = await Send.Throws<ArgumentException>(async,
            () => Requests.Get(Url("/c"), cookies: cookies),
            () => Requests.GetAsync(Url("/c"), cookies: cookies));

        AssertNamesTheCookie(e, "c");
        Assert.That(Received, Is.Empty, "nothing was sent");
    }

    [Test]
    public async Task PerRequestCookieNameThatIsNotATokenIsRefusedBeforeSending([ValueSource(nameof(BadNames))] string name, [Values] bool async)
    {
        var cookies = new Dictionary<string, string> { [name] = "v" };

        var e = await Send.Throws<ArgumentException>(async,
            () => Requests.Get(Url("/c"), cookies: cookies),
            () => Requests.GetAsync(Url("/c"), cookies: cookies));

        AssertNamesTheCookie(e, name);
        Assert.That(Received, Is.Empty, "nothing was sent");
    }

    [Test]
    public async Task AnonymousObjectCookieWithCrLfIsRefused([Values] bool async)
    {
        using var session = new Session();

        var e = await Send.Throws<ArgumentException>(async,
            () => session.Get(Url("/c"), cookies: new { c = "x\r\nX-Injected: 1" }),
            () => session.GetAsync(Url("/c"), cookies: new { c = "x\r\nX-Injected: 1" }));

        AssertNamesTheCookie(e, "c");
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public void SessionIndexerJarSetAndJarAddRefuseBadValues([ValueSource(nameof(BadValues))] string value)
    {
        using var session = new Session();
        var jar = new CookieJar();

        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => session.Cookies["c"] = value)!, "c");
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => jar.Set("c", value))!, "c");
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => jar.Set("c", value, domain: "example.com"))!, "c");
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => jar.Add(new Cookie("c", value)))!, "c");

        Assert.That(session.Cookies.Count, Is.Zero);
        Assert.That(jar.Count, Is.Zero);
    }

    [Test]
    public void SessionIndexerJarSetAndJarAddRefuseBadNames([ValueSource(nameof(BadNames))] string name)
    {
        using var session = new Session();
        var jar = new CookieJar();

        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => session.Cookies[name] = "v")!, name);
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => jar.Set(name, "v"))!, name);

        Assert.That(session.Cookies.Count, Is.Zero);
        Assert.That(jar.Count, Is.Zero);
    }

    [Test]
    public void BuilderRefusesBadCookiesWhenTheyAreGiven()
    {
        var builder = Requests.Url(Url("/c"));

        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => builder.WithCookie("c", "x\r\nX-Injected: 1"))!, "c");
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => builder.WithCookie("c", "x;injected=1"))!, "c");
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => builder.WithCookie("a b", "1"))!, "a b");
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => builder.WithCookies(new { c = "x\ny" }))!, "c");
        AssertNamesTheCookie(Assert.Throws<ArgumentException>(() => builder.WithCookies(new Dictionary<string, object> { ["n"] = "a;b=1" }))!, "n");
    }

    [Test]
    public async Task CookieContainerWithABadCookieIsRefused([Values("x\u0001y", "x\ty", "caf\u00e9")] string value, [Values] bool async)
    {
        // CookieContainer itself refuses CR, LF and ';', but takes other control characters and non-ASCII.
        var container = new CookieContainer();
        container.Add(new Cookie("c", value, "/", "127.0.0.1"));

        var e = await Send.Throws<ArgumentException>(async,
            () => Requests.Get(Url("/c"), cookies: container),
            () => Requests.GetAsync(Url("/c"), cookies: container));

        AssertNamesTheCookie(e, "c");
        Assert.That(Received, Is.Empty);
    }

    // Requests 2.28 sends these as given, and httpbin's /cookies reads each back unchanged (checked by hand):
    // none of them can end a cookie or a header line.
    [TestCase("a b")]
    [TestCase("a,b")]
    [TestCase("a\"b")]
    [TestCase("\"quoted\"")]
    [TestCase("a\\b")]
    [TestCase("a=b")]
    [TestCase("")]
    [TestCase("!#$%&'()*+-./:<=>?@[]^_`{|}~")]
    public async Task SpacesCommasQuotesAndBackslashesAreSentAsGiven(string value)
    {
        foreach (bool async in new[] { false, true })
        {
            using var session = new Session();
            session.Cookies["s"] = value;

            await Send.Either(async,
                () => session.Get(Url("/c"), cookies: new Dictionary<string, string> { ["r"] = value }),
                () => session.GetAsync(Url("/c"), cookies: new Dictionary<string, string> { ["r"] = value }));

            Assert.That(CookieHeader(), Is.EqualTo($"s={value}; r={value}"), async ? "async" : "sync");
        }
    }

    [Test]
    public async Task QuotedValueWithEscapedQuotesIsStoredAndSentAsRequestsDoes([Values] bool async)
    {
        // httpbin's /cookies/set?foo="bar:baz" answers with Werkzeug's quoting; Requests stores "bar:baz" and the
        // server reads bar:baz back.
        Server.Given(WmRequest.Create().WithPath("/set"))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Set-Cookie", "foo=\"\\\"bar:baz\\\"\"; Path=/"));
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/set")), () => session.GetAsync(Url("/set")));
        await Send.Either(async, () => session.Get(Url("/cookies")), () => session.GetAsync(Url("/cookies")));

        Assert.That(session.Cookies["foo"], Is.EqualTo("\"bar:baz\""));
        Assert.That(CookieHeader(), Is.EqualTo("foo=\"bar:baz\""));
    }

    [Test]
    public async Task QuotedValueWithoutEscapesIsKeptAsIs([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/set"))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Set-Cookie", "q=\"a b\"; Path=/", "bs=a\\b; Path=/"));
        using var session = new Session();

        await Send.Either(async, () => session.Get(Url("/set")), () => session.GetAsync(Url("/set")));

        Assert.That(session.Cookies["q"], Is.EqualTo("\"a b\""));
        Assert.That(session.Cookies["bs"], Is.EqualTo("a\\b"));
    }

    // cookie-pair = token "=" printable ASCII except ';', pairs joined by "; ".
    private static readonly Regex WellFormedCookieHeader = new(
        @"^Cookie: [!#$%&'*+\-.^_`|~0-9A-Za-z]+=[\x20-\x3A\x3C-\x7E]*(; [!#$%&'*+\-.^_`|~0-9A-Za-z]+=[\x20-\x3A\x3C-\x7E]*)*$");

    [Test]
    public async Task ServerCookiesWithOddCharactersNeverBreakTheNextCookieHeader([Values] bool async)
    {
        await using var server = new RawResponseServer(head => head.StartsWith("GET /set ", StringComparison.Ordinal)
            ? "HTTP/1.1 200 OK\r\n"
                + "Set-Cookie: ok=fine; Path=/\r\n"
                + "Set-Cookie: tab=a\tb; Path=/\r\n"
                + "Set-Cookie: ctl=a\u0001b; Path=/\r\n"
                + "Set-Cookie: latin=caf\u00e9; Path=/\r\n"
                + "Set-Cookie: sp ace=1; Path=/\r\n"
                + "Set-Cookie: semi=\"x;evil=1\"; Path=/\r\n"
                + "Set-Cookie: quoted=\"a b\"; Path=/\r\n"
            : "HTTP/1.1 200 OK\r\n");
        using var session = new Session();

        await Send.Either(async, () => session.Get(server.BaseUrl + "/set"), () => session.GetAsync(server.BaseUrl + "/set"));
        var next = await Send.Either(async, () => session.Get(server.BaseUrl + "/next"), () => session.GetAsync(server.BaseUrl + "/next"));

        Assert.That(next.StatusCode, Is.EqualTo(200));
        string head = server.RequestHeads.Last();
        Assert.That(head, Does.StartWith("GET /next "));
        var cookieLines = head.Split("\r\n").Where(l => l.StartsWith("Cookie:", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(cookieLines, Has.Count.EqualTo(1));
        Assert.That(cookieLines[0], Does.Match(WellFormedCookieHeader));
        var names = cookieLines[0]["Cookie: ".Length..].Split("; ").Select(p => p[..p.IndexOf('=')]).ToList();
        Assert.That(names, Does.Contain("ok").And.Contain("quoted"));
        Assert.That(names, Does.Not.Contain("evil"));
        Assert.That(cookieLines[0], Does.Contain("ok=fine").And.Contain("quoted=\"a b\""));
        Assert.That(head.Split("\r\n").Count(l => l.Length == 0), Is.EqualTo(2), "one blank line ends the head: nothing was injected");
    }
}
