namespace FluentRequests.Tests.Fluent;

/// <summary>
/// docs/fluent.md: on a session with a BaseUrl, <see cref="RequestBuilder.Url"/> is the relative URL as built;
/// it is resolved against the BaseUrl when sent, and the response's request shows the URL sent.
/// </summary>
public class BuilderUrlWithBaseUrlTests : WireMockTest
{
    [Test]
    public async Task UrlStaysRelativeAndTheSentUrlIsResolved([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/api/users/42").UsingGet()).RespondWith(WmResponse.Create().WithStatusCode(200));
        using var session = new Session { BaseUrl = Url("/api") };
        var builder = session.Url("users").AppendPathSegment(42);

        var response = await Send.Either(async, () => builder.Get(), () => builder.GetAsync());

        Assert.That(builder.Url, Is.EqualTo("users/42"));
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Request.Url, Is.EqualTo(Url("/api/users/42")));
    }
}
