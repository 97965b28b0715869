namespace FluentRequests.Tests.Sessions;

/// <summary>Arguments of unsupported types fail before anything is sent, with an ArgumentException saying what is accepted.</summary>
public class ArgumentValidationTests : WireMockTest
{
    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200));

    [Test]
    public async Task UnsupportedDataTypeSaysWhatIsAccepted([Values] bool async)
    {
        var e = await Send.Throws<ArgumentException>(async, () => Requests.Post(Url("/"), data: 42), () => Requests.PostAsync(Url("/"), data: 42));

        Assert.That(e.ParamName, Is.EqualTo("data"));
        Assert.That(e.Message, Does.Contain("System.Int32"));
        Assert.That(e.Message, Does.Contain("string").And.Contain("byte[]").And.Contain("Stream"));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task UnsupportedParamsTypeSaysWhatIsAccepted([Values] bool async)
    {
        var e = await Send.Throws<ArgumentException>(async, () => Requests.Get(Url("/"), @params: 3.5), () => Requests.GetAsync(Url("/"), @params: 3.5));

        Assert.That(e.Message, Does.Contain("params"));
        Assert.That(e.Message, Does.Contain("mapping").Or.Contain("IDictionary"));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task UnsupportedHeadersTypeSaysWhatIsAccepted([Values] bool async)
    {
        var e = await Send.Throws<ArgumentException>(async, () => Requests.Get(Url("/"), headers: 7), () => Requests.GetAsync(Url("/"), headers: 7));

        Assert.That(e.ParamName, Is.EqualTo("headers"));
        Assert.That(e.Message, Does.Contain("IDictionary").And.Contain("anonymous object"));
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task UnsupportedCookiesTypeSaysWhatIsAccepted([Values] bool async)
    {
        var e = await Send.Throws<ArgumentException>(async, () => Requests.Get(Url("/"), cookies: true), () => Requests.GetAsync(Url("/"), cookies: true));

        Assert.That(e.ParamName, Is.EqualTo("cookies"));
        Assert.That(e.Message, Does.Contain("System.Boolean"));
        Assert.That(e.Message, Does.Contain("CookieJar").And.Contain("CookieContainer"), "cookies also accepts a CookieJar and a CookieContainer");
        Assert.That(e, Is.Not.InstanceOf<RequestException>());
        Assert.That(Received, Is.Empty);
    }

    [Test]
    public async Task PairsWithNonPairItemsAreRejected([Values] bool async)
    {
        var notPairs = new List<int> { 1, 2 };

        var e = await Send.Throws<ArgumentException>(async,
            () => Requests.Get(Url("/"), @params: notPairs),
            () => Requests.GetAsync(Url("/"), @params: notPairs));

        Assert.That(e.Message, Does.Contain("KeyValuePair").Or.Contain("tuple"));
        Assert.That(Received, Is.Empty);
    }
}
