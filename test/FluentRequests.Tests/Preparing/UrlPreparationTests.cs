namespace FluentRequests.Tests.Preparing;

/// <summary>Requests' <c>prepare_url</c>: validation, IDNA, normalisation, fragments and base URLs, checked on the wire.</summary>
public class UrlPreparationTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    /// <summary>"127.0.0.1:port": this server's address without a scheme.</summary>
    private string HostPort => BaseUrl["http://".Length..];

    private static PreparedRequest Prepare(string url, object? @params = null)
        => new Session().Prepare(new FluentRequests.Request("GET", url) { Params = @params });

    [Test]
    public async Task LeadingWhitespaceIsStripped([Values] bool async)
    {
        string url = " \t\n " + Url("/trimmed");

        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Url, Is.EqualTo(Url("/trimmed")));
        Assert.That(LastRequest.Path, Is.EqualTo("/trimmed"));
    }

    [Test]
    public async Task MissingSchemeThrowsBeforeSending([Values] bool async)
    {
        string url = HostPort + "/path";

        var ex = await Send.Throws<MissingSchemaException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(ex.Message, Is.EqualTo($"The URL '{url}' has no scheme (http:// or https://). Did you mean 'https://{url}'?"));
        Assert.That(ex, Is.InstanceOf<InvalidUrlException>());
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task MissingSchemeMessageNamesTheStrippedUrl([Values] bool async)
    {
        var ex = await Send.Throws<MissingSchemaException>(async, () => Requests.Get("  example.com/a"), () => Requests.GetAsync("  example.com/a"));

        Assert.That(ex.Message, Is.EqualTo("The URL 'example.com/a' has no scheme (http:// or https://). Did you mean 'https://example.com/a'?"));
    }

    [Test]
    public async Task RelativeUrlWithoutBaseUrlAsksForOneInsteadOfSuggestingAHost([Values] bool async, [Values("/get", "./get", "?q=1", "")] string url)
    {
        var ex = await Send.Throws<MissingSchemaException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(ex.Message, Does.StartWith($"The URL '{url}' is relative and there is no base URL").And.Contain("Session.BaseUrl"));
        Assert.That(ex.Message, Does.Not.Contain("https:///"));
    }

    [Test]
    public async Task UnsupportedSchemeThrowsInvalidSchema(
        [Values] bool async, [Values("ftp://{host}/file.txt", "mailto:someone@example.com", "file:///etc/hosts", "ws://{host}/socket")] string template)
    {
        string url = template.Replace("{host}", HostPort);

        var ex = await Send.Throws<InvalidSchemaException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(ex.Message, Is.EqualTo($"The URL '{url}' uses the scheme '{url[..url.IndexOf(':')]}'; only http and https URLs can be sent."));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task UpperCaseSchemeAndHostAreAcceptedAndLowered([Values] bool async)
    {
        string url = "HTTP://" + HostPort + "/Mixed/Case";

        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(response.Url, Is.EqualTo(Url("/Mixed/Case")));
        Assert.That(LastRequest.Path, Is.EqualTo("/Mixed/Case"));
        Assert.That(Prepare("http://EXAMPLE.com/Path").Url, Is.EqualTo("http://example.com/Path"));
    }

    [Test]
    public async Task NoHostThrowsInvalidUrl([Values] bool async, [Values("http://", "https://", "http:///path", "http://?q=1")] string url)
    {
        var ex = await Send.Throws<InvalidUrlException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(ex, Is.TypeOf<InvalidUrlException>());
        Assert.That(ex.Message, Does.Contain("No host supplied"));
    }

    [Test]
    public async Task InvalidLabelThrowsInvalidUrl(
        [Values] bool async, [Values("http://*example.com", "http://.example.com", "http://*.example.com/x")] string url)
    {
        var ex = await Send.Throws<InvalidUrlException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(ex, Is.TypeOf<InvalidUrlException>());
        Assert.That(ex.Message, Does.Contain("invalid label").IgnoreCase);
    }

    [Test]
    public async Task InvalidPortThrowsBeforeSending([Values] bool async, [Values("99999", "{port}x", "-1", "8o80")] string port)
    {
        string url = $"http://127.0.0.1:{port.Replace("{port}", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}/x";

        var ex = await Send.Throws<InvalidUrlException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(ex, Is.TypeOf<InvalidUrlException>());
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public void NonAsciiHostIsIdnaEncoded()
    {
        Assert.That(Prepare("http://bücher.example/").Url, Is.EqualTo("http://xn--bcher-kva.example/"));
        Assert.That(Prepare("https://Bücher.Example:8443/straße?q=ä").Url, Is.EqualTo("https://xn--bcher-kva.example:8443/stra%C3%9Fe?q=%C3%A4"));
    }

    [Test]
    public void PathIsRequotedLikeRequests()
    {
        // Unsafe characters are escaped, escaped unreserved characters are unescaped, other escapes are kept.
        Assert.That(Prepare("http://example.com/a b/%7E%41/%2F/ü|x").Url, Is.EqualTo("http://example.com/a%20b/~A/%2F/%C3%BC%7Cx"));
        Assert.That(Prepare("http://example.com/q?a=b c&d=%zz").Url, Is.EqualTo("http://example.com/q?a=b%20c&d=%25zz"));
    }

    [Test]
    public async Task EmptyPathBecomesSlash([Values] bool async)
    {
        var response = await Send.Either(async, () => Requests.Get(BaseUrl), () => Requests.GetAsync(BaseUrl));

        Assert.That(response.Url, Is.EqualTo(BaseUrl + "/"));
        Assert.That(LastRequest.Path, Is.EqualTo("/"));
        var prepared = Prepare(BaseUrl + "?a=1");
        Assert.That(prepared.Url, Is.EqualTo(BaseUrl + "/?a=1"));
        Assert.That(prepared.PathUrl, Is.EqualTo("/?a=1"));
    }

    [Test]
    public async Task FragmentIsKeptInResponseUrlButNeverSent([Values] bool async)
    {
        string url = Url("/page?x=1#section-2");

        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(response.Url, Is.EqualTo(url));
        Assert.That(response.Request.Url, Is.EqualTo(url));
        Assert.That(LastRequest.Url, Does.Not.Contain("#").And.Not.Contain("section"));
        Assert.That(LastRequest.Path, Is.EqualTo("/page"));
        Assert.That(LastRequest.RawQuery, Is.EqualTo("?x=1"));
    }

    [Test]
    public async Task RelativeUrlResolvesAgainstBaseUrl([Values] bool async, [Values("users/7", "/users/7")] string relative)
    {
        using var session = new Session { BaseUrl = Url("/api/v1") };

        var response = await Send.Either(async,
            () => session.Get(relative, @params: new { full = 1 }),
            () => session.GetAsync(relative, @params: new { full = 1 }));

        Assert.That(LastRequest.Path, Is.EqualTo("/api/v1/users/7"));
        Assert.That(LastRequest.RawQuery, Is.EqualTo("?full=1"));
        Assert.That(response.Url, Is.EqualTo(Url("/api/v1/users/7?full=1")));
    }

    [Test]
    public async Task BaseUrlWithTrailingSlashJoinsWithOneSlash([Values] bool async)
    {
        using var session = new Session { BaseUrl = Url("/api/") };

        await Send.Either(async, () => session.Get("/items"), () => session.GetAsync("/items"));

        Assert.That(LastRequest.Path, Is.EqualTo("/api/items"));
    }

    [Test]
    public async Task AbsoluteUrlIgnoresBaseUrl([Values] bool async)
    {
        using var session = new Session { BaseUrl = "http://base.invalid/api" };

        await Send.Either(async, () => session.Get(Url("/direct")), () => session.GetAsync(Url("/direct")));

        Assert.That(LastRequest.Path, Is.EqualTo("/direct"));
    }

    [Test]
    public async Task BaseUrlDoesNotExcuseAnInvalidResult([Values] bool async)
    {
        using var session = new Session { BaseUrl = "ftp://" + HostPort };

        await Send.Throws<InvalidSchemaException>(async, () => session.Get("files"), () => session.GetAsync("files"));

        Assert.That(Received, Is.Empty);
    }
}
