namespace FluentRequests.Tests;

public class SmokeTests : WireMockTest
{
    [Test]
    public async Task GetReturnsBodyAndStatus([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/hello").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "text/plain; charset=utf-8").WithBody("hi"));

        var response = await Send.Either(async, () => Requests.Get(Url("/hello")), () => Requests.GetAsync(Url("/hello")));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("hi"));
        Assert.That(LastRequest.Headers!["User-Agent"].Single(), Does.StartWith("FluentRequests/"));
    }
}
