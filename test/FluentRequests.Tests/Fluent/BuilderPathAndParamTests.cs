using System.Globalization;

namespace FluentRequests.Tests.Fluent;

/// <summary>Path segments and parameters of <see cref="RequestBuilder"/> against a URL that already has a query, and over session parameters.</summary>
public class BuilderPathAndParamTests : WireMockTest
{
    [SetUp]
    public void StubAny()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).AtPriority(100).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private static Task<Response> Get(RequestBuilder builder, bool async) => Send.Either(async, builder.Get, () => builder.GetAsync());

    [Test]
    public async Task AppendPathSegmentGoesBeforeAnExistingQuery([Values] bool async)
    {
        var builder = Requests.Url(Url("/base?x=1")).AppendPathSegment("child");

        await Get(builder, async);

        Assert.That(builder.Url, Is.EqualTo(Url("/base/child?x=1")));
        Assert.That(LastRequest.Path, Is.EqualTo("/base/child"));
        Assert.That(LastRequest.QueryValues("x"), Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public async Task AppendPathSegmentEncodesQueryAndFragmentDelimiters([Values] bool async)
    {
        var builder = Requests.Url(Url("/base")).AppendPathSegment("what?").AppendPathSegment("no#tag");

        var response = await Get(builder, async);

        Assert.That(builder.Url, Is.EqualTo(Url("/base/what%3F/no%23tag")), "a path segment cannot hold '?' or '#' literally");
        Assert.That(LastRequest.Query?.Count ?? 0, Is.EqualTo(0), "nothing leaked into the query");
        Assert.That(response.Url, Does.Not.Contain("#"));
    }

    [Test]
    public void AppendPathSegmentFormatsWithTheInvariantCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var builder = Requests.Url(Url("/v")).AppendPathSegments(1.5, 2);
            Assert.That(builder.Url, Is.EqualTo(Url("/v/1.5/2")));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public async Task WithParamNullRemovesASessionParam([Values] bool async)
    {
        using var session = new Session();
        session.Params["keep"] = "k";
        session.Params["drop"] = "d";

        await Get(session.Url(Url("/p")).WithParam("drop", null), async);

        Assert.That(LastRequest.QueryValues("keep"), Is.EqualTo(new[] { "k" }));
        Assert.That(LastRequest.QueryValues("drop"), Is.Empty);
    }

    [Test]
    public async Task WithParamsReplaceASessionParamOfTheSameName([Values] bool async)
    {
        using var session = new Session();
        session.Params["page"] = 1;

        var response = await Get(session.Url(Url("/p")).WithParams(new { page = 2, size = 10 }), async);

        Assert.That(LastRequest.QueryValues("page"), Is.EqualTo(new[] { "2" }));
        Assert.That(LastRequest.QueryValues("size"), Is.EqualTo(new[] { "10" }));
        Assert.That(response.Url, Does.EndWith("?page=2&size=10"));
    }

    [Test]
    public async Task RepeatedWithParamRepeatsTheKeyWithOrWithoutSessionParams([Values] bool async, [Values] bool sessionHasParams)
    {
        using var session = new Session();
        if (sessionHasParams) session.Params["s"] = "1";

        await Get(session.Url(Url("/p")).WithParam("k", "a").WithParam("k", "b"), async);

        Assert.That(LastRequest.QueryValues("k"), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task StreamedResponseAfterRedirectsIsReadable([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/go").UsingGet()).AtPriority(1)
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/body"));
        Server.Given(WmRequest.Create().WithPath("/body").UsingGet()).AtPriority(1)
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("streamed after redirect"));

        await using var response = await Get(Requests.Url(Url("/go")).WithStream(), async);

        using var reader = new StreamReader(response.Raw);
        Assert.That(async ? await reader.ReadToEndAsync() : reader.ReadToEnd(), Is.EqualTo("streamed after redirect"));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { 302 }));
    }
}
