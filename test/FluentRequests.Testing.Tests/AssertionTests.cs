namespace FluentRequests.Testing.Tests;

/// <summary>Assertions pass when they should, and fail with a message that shows what was called, closest first.</summary>
public sealed class AssertionTests
{
    private static readonly string NL = Environment.NewLine;

    [Test]
    public void AFluentChainPassesOnTheMatchingCall()
    {
        using var http = new FakeHttp();
        Requests.Post("https://api.example.com/users/7", json: new { name = "Ada" }, headers: new { Authorization = "Bearer t" }, @params: new { v = 2 });
        Requests.Get("https://api.example.com/health");

        var assertion = http.ShouldHaveCalled("https://api.example.com/users/*")
            .WithVerb("POST")
            .WithJsonBody(new { name = "Ada" })
            .WithHeader("Authorization", "Bearer *")
            .WithQuery("v", 2)
            .WithContentType("application/json*")
            .Times(1);

        Assert.That(assertion.MatchingCalls.Single().Url, Is.EqualTo("https://api.example.com/users/7?v=2"));
        http.ShouldNotHaveCalled("https://api.example.com/admin*");
        http.ShouldHaveMadeACall().WithVerb("GET").Times(1);
    }

    [Test]
    public void AFailedMatchListsTheCallsClosestFirstWithWhatDiffered()
    {
        using var http = new FakeHttp();
        Requests.Get("https://api.example.com/health");
        Requests.Post("https://api.example.com/users/7", json: new { name = "Bob", admin = false });
        Requests.Put("https://api.example.com/users/7", json: new { name = "Ada" });

        var e = Assert.Throws<FakeHttpAssertionException>(() =>
            http.ShouldHaveCalled("https://api.example.com/users/*").WithVerb("POST").WithJsonBody(new { name = "Ada" }));

        Assert.That(e!.Message, Is.EqualTo(
            "Expected a call to https://api.example.com/users/* with verb POST with JSON body {\"name\":\"Ada\"}, but no call matched." + NL
            + "Calls made, closest first:" + NL
            + "  2. POST https://api.example.com/users/7" + NL
            + "       expected with JSON body {\"name\":\"Ada\"}, but JSON body was {\"name\":\"Bob\",\"admin\":false}; "
            + "differs at $.name: expected \"Ada\", was \"Bob\"; $.admin: not expected, was false" + NL
            + "  3. PUT https://api.example.com/users/7" + NL
            + "       expected with verb POST, but verb was PUT" + NL
            + "  1. GET https://api.example.com/health" + NL
            + "       expected to https://api.example.com/users/*, but URL was https://api.example.com/health" + NL
            + "       expected with verb POST, but verb was GET" + NL
            + "       expected with JSON body {\"name\":\"Ada\"}, but body was empty"));
    }

    [Test]
    public void NoCallAtAllSaysSo()
    {
        using var http = new FakeHttp();

        var e = Assert.Throws<FakeHttpAssertionException>(() => http.ShouldHaveCalled("https://api.example.com/*"));

        Assert.That(e!.Message, Is.EqualTo("Expected a call to https://api.example.com/*, but no call was made."));
    }

    [Test]
    public void AWrongCountListsTheMatchingCallsWithTheirResponses()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("*").RespondWithSequence(FakeResponse.Status(503), FakeResponse.Text("ok"));
        Requests.Get("https://api.example.com/a");
        Requests.Get("https://api.example.com/a");

        var e = Assert.Throws<FakeHttpAssertionException>(() => http.ShouldHaveCalled("https://api.example.com/a").Times(1));

        Assert.That(e!.Message, Is.EqualTo(
            "Expected to https://api.example.com/a 1 call, but there were 2 calls." + NL
            + "Matching calls:" + NL
            + "  1. GET https://api.example.com/a -> 503" + NL
            + "  2. GET https://api.example.com/a -> 200"));
    }

    [Test]
    public void ShouldNotHaveCalledFailsNamingTheCall()
    {
        using var http = new FakeHttp();
        Requests.Delete("https://api.example.com/users/7");

        var e = Assert.Throws<FakeHttpAssertionException>(() => http.ShouldNotHaveCalled("https://api.example.com/users/*").WithVerb("DELETE"));

        Assert.That(e!.Message, Is.EqualTo(
            "Expected no call to https://api.example.com/users/*, but there was 1 call." + NL
            + "Matching calls:" + NL
            + "  1. DELETE https://api.example.com/users/7"));
    }

    [Test]
    public void ShouldNotHaveMadeACallFailsListingEveryCall()
    {
        using var http = new FakeHttp();
        Requests.Get("https://a.test/");

        var e = Assert.Throws<FakeHttpAssertionException>(http.ShouldNotHaveMadeACall);

        Assert.That(e!.Message, Does.StartWith("Expected no call to any URL, but there was 1 call.").And.Contains("1. GET https://a.test/"));
    }

    [Test]
    public void HeaderQueryCookieAndFormChecksSayWhatTheCallHad()
    {
        using var http = new FakeHttp();
        Requests.Post("https://a.test/p?page=1", data: new { name = "Ada" }, headers: new { X_Tenant = "red" }, cookies: new { sid = "s1" });

        Assert.Multiple(() =>
        {
            Assert.That(() => http.ShouldHaveCalled("https://a.test/p*").WithHeader("X-Tenant", "blue"),
                Throws.InstanceOf<FakeHttpAssertionException>().With.Message.Contains("expected with header X-Tenant: blue, but X-Tenant was red"));
            Assert.That(() => http.ShouldHaveCalled("https://a.test/p*").WithQuery("page", 2),
                Throws.InstanceOf<FakeHttpAssertionException>().With.Message.Contains("expected with query page=2, but page was 1"));
            Assert.That(() => http.ShouldHaveCalled("https://a.test/p*").WithoutQuery("page"),
                Throws.InstanceOf<FakeHttpAssertionException>().With.Message.Contains("expected without query parameter page, but query had page"));
            Assert.That(() => http.ShouldHaveCalled("https://a.test/p*").WithCookie("sid", "s2"),
                Throws.InstanceOf<FakeHttpAssertionException>().With.Message.Contains("expected with cookie sid=s2, but cookie sid was s1"));
            Assert.That(() => http.ShouldHaveCalled("https://a.test/p*").WithFormField("name", "Bob"),
                Throws.InstanceOf<FakeHttpAssertionException>().With.Message.Contains("expected with form field name=Bob, but name was Ada"));
            Assert.That(() => http.ShouldHaveCalled("https://a.test/p*").WithHeader("X-Missing"),
                Throws.InstanceOf<FakeHttpAssertionException>().With.Message.Contains("but no X-Missing header"));
        });
        http.ShouldHaveCalled("https://a.test/p*").WithHeader("x-tenant", "r*").WithQuery("page").WithCookie("sid").WithFormField("name", "Ada").Times(1);
    }

    [Test]
    public void TheExceptionTypeBelongsToNoTestFramework()
        => Assert.That(typeof(FakeHttpAssertionException).BaseType, Is.EqualTo(typeof(Exception)));
}
