namespace FluentRequests.Tests.Authentication;

/// <summary>
/// A Digest challenge FluentRequests cannot answer (only <c>qop=auth-int</c>) gives a clear
/// <see cref="RequestException"/> and no second request; Requests 2.28 crashes there with a TypeError.
/// </summary>
public class DigestUnsupportedChallengeTests : WireMockTest
{
    [Test]
    public async Task AuthIntOnlyChallengeRaisesARequestExceptionNamingTheQop([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/d").UsingGet()).RespondWith(WmResponse.Create()
            .WithStatusCode(401)
            .WithHeader("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""));
        var auth = new DigestAuth("user", "pass");

        var e = await Send.Throws<RequestException>(async, () => Requests.Get(Url("/d"), auth: auth), () => Requests.GetAsync(Url("/d"), auth: auth));

        Assert.That(e.GetType(), Is.EqualTo(typeof(RequestException)));
        Assert.That(e.Message, Does.Contain("qop 'auth-int'"));
        Assert.That(Received, Has.Count.EqualTo(1), "no answer without the challenge's qop is sent");
    }

    [Test]
    public async Task AChallengeOfferingAuthIntAndAuthIsAnsweredWithAuth([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/d").UsingGet().WithHeader("Authorization", "Digest *"))
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("in"));
        Server.Given(WmRequest.Create().WithPath("/d").UsingGet().WithHeader("Authorization", "*", WireMock.Matchers.MatchBehaviour.RejectOnMatch))
            .RespondWith(WmResponse.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int,auth\""));
        var auth = new DigestAuth("user", "pass");

        var response = await Send.Either(async, () => Requests.Get(Url("/d"), auth: auth), () => Requests.GetAsync(Url("/d"), auth: auth));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Request.Headers["Authorization"], Does.Contain("qop=\"auth\""));
    }
}
