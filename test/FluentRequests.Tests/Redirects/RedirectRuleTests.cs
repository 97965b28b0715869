namespace FluentRequests.Tests.Redirects;

/// <summary>
/// The redirect rules as plain functions, no server: Requests' should_strip_auth and rebuild_method tables and
/// the https-to-http guard. The wire tests in this folder prove each rule end to end.
/// </summary>
public class RedirectRuleTests
{
    // Requests' should_strip_auth, row by row (tests/test_requests.py: test_should_strip_auth_*).
    [TestCase("http://example.com/foo", "http://example.com/bar", false, TestName = "same host, scheme and port: keep")]
    [TestCase("http://example.com:8080/foo", "http://example.com:8080/bar", false, TestName = "same non-default port: keep")]
    [TestCase("http://example.com/foo", "http://another.example.com/", true, TestName = "host change: strip")]
    [TestCase("http://example.com/foo", "http://EXAMPLE.com/bar", false, TestName = "host case only: keep")]
    [TestCase("http://example.com/foo", "https://example.com/bar", false, TestName = "http to https, default ports: keep")]
    [TestCase("http://example.com:80/foo", "https://example.com/bar", false, TestName = "http:80 to https: keep")]
    [TestCase("http://example.com/foo", "https://example.com:443/bar", false, TestName = "http to https:443: keep")]
    [TestCase("http://example.com:80/foo", "https://example.com:443/bar", false, TestName = "http:80 to https:443: keep")]
    [TestCase("https://example.com/foo", "http://example.com/bar", true, TestName = "https to http: strip")]
    [TestCase("https://example.com:443/foo", "http://example.com:80/bar", true, TestName = "https:443 to http:80: strip")]
    [TestCase("http://example.com:8080/foo", "https://example.com/bar", true, TestName = "http:8080 to https: strip")]
    [TestCase("http://example.com/foo", "https://example.com:8443/bar", true, TestName = "http to https:8443: strip")]
    [TestCase("http://example.com:1234/foo", "https://example.com:4321/bar", true, TestName = "scheme and port change: strip")]
    [TestCase("http://example.com:8080/foo", "https://example.com:8080/bar", true, TestName = "scheme change with the same non-default port: strip")]
    [TestCase("http://example.com:1234/foo", "http://example.com:4321/bar", true, TestName = "port change: strip")]
    [TestCase("http://example.com/foo", "http://example.com:8080/bar", true, TestName = "default to non-default port: strip")]
    [TestCase("https://example.com:443/foo", "https://example.com/bar", false, TestName = "https:443 to https: keep")]
    [TestCase("http://example.com:80/foo", "http://example.com/bar", false, TestName = "http:80 to http: keep")]
    [TestCase("https://example.com/foo", "https://example.com:443/bar", false, TestName = "https to https:443: keep")]
    [TestCase("http://example.com/foo", "http://example.com:80/bar", false, TestName = "http to http:80: keep")]
    public void ShouldStripAuthFollowsRequests(string from, string to, bool strip)
        => Assert.That(RedirectResolver.ShouldStripAuth(new Uri(from), new Uri(to)), Is.EqualTo(strip));

    private static Response Redirected(string fromUrl, string location, int status = 302, string method = "GET", HeaderCollection? requestHeaders = null)
    {
        var request = new PreparedRequest(method, fromUrl, requestHeaders ?? new HeaderCollection(), null);
        var headers = new HeaderCollection { ["Location"] = location };
        return Response.Buffered(request, status, null, headers, [], TimeSpan.Zero, []);
    }

    [Test]
    public void HttpsToHttpIsRefusedWhenDisallowed()
    {
        var response = Redirected("https://example.com/secure", "http://example.com/plain");

        var e = Assert.Throws<RequestException>(() => RedirectResolver.NextRequest(response, OptionsOf(new Session { AllowHttpsToHttpRedirects = false })));

        Assert.That(e!.Message, Does.Contain("http://example.com/plain").And.Contain("AllowHttpsToHttpRedirects"));
        Assert.That(e.Response, Is.SameAs(response));
    }

    [Test]
    public void HttpsToHttpIsFollowedByDefaultWithoutAuthorization()
    {
        var headers = new HeaderCollection { ["Authorization"] = "Basic dTpw" };
        var response = Redirected("https://example.com/secure", "http://example.com/plain", requestHeaders: headers);

        var next = RedirectResolver.NextRequest(response, OptionsOf(new Session()));

        Assert.That(next.Url, Is.EqualTo("http://example.com/plain"));
        Assert.That(next.Headers.ContainsKey("Authorization"), Is.False);
    }

    [Test]
    public void HttpToHttpsAndHttpsToHttpsAreFollowedWhenHttpsToHttpIsDisallowed()
    {
        var options = OptionsOf(new Session { AllowHttpsToHttpRedirects = false });

        var upgrade = RedirectResolver.NextRequest(Redirected("http://example.com/a", "https://example.com/b"), options);
        var secure = RedirectResolver.NextRequest(Redirected("https://example.com/a", "https://other.example/b"), options);

        Assert.That(upgrade.Url, Is.EqualTo("https://example.com/b"));
        Assert.That(secure.Url, Is.EqualTo("https://other.example/b"));
    }

    [Test]
    public void ResolverKeepsAuthorizationOnTheSameOrigin()
    {
        var headers = new HeaderCollection { ["Authorization"] = "Bearer t" };
        var next = RedirectResolver.NextRequest(Redirected("https://example.com/a", "/b", requestHeaders: headers), OptionsOf(new Session()));

        Assert.That(next.Url, Is.EqualTo("https://example.com/b"));
        Assert.That(next.Headers["Authorization"], Is.EqualTo("Bearer t"));
    }

    // Requests' rebuild_method: 303 and 302 turn everything but HEAD into GET, 301 only POST; 307/308 never change it.
    [TestCase(303, "POST", "GET")]
    [TestCase(303, "PUT", "GET")]
    [TestCase(303, "DELETE", "GET")]
    [TestCase(303, "GET", "GET")]
    [TestCase(303, "HEAD", "HEAD")]
    [TestCase(302, "POST", "GET")]
    [TestCase(302, "PUT", "GET")]
    [TestCase(302, "PATCH", "GET")]
    [TestCase(302, "HEAD", "HEAD")]
    [TestCase(301, "POST", "GET")]
    [TestCase(301, "PUT", "PUT")]
    [TestCase(301, "DELETE", "DELETE")]
    [TestCase(301, "PATCH", "PATCH")]
    [TestCase(301, "HEAD", "HEAD")]
    [TestCase(301, "GET", "GET")]
    [TestCase(307, "POST", "POST")]
    [TestCase(307, "PUT", "PUT")]
    [TestCase(307, "HEAD", "HEAD")]
    [TestCase(308, "POST", "POST")]
    [TestCase(308, "PATCH", "PATCH")]
    [TestCase(308, "DELETE", "DELETE")]
    public void RebuildMethodFollowsRequests(int status, string method, string expected)
        => Assert.That(RedirectResolver.RebuildMethod(method, status), Is.EqualTo(expected));

    /// <summary>The settings a call on <paramref name="session"/> with no arguments of its own would get.</summary>
    private static SendOptions OptionsOf(Session session) => session.MergeOptions(new RequestArgs(), allowRedirectsDefault: true, new Uri("http://a.test/"));
}
