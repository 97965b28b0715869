using System.Text;

// Not "FluentRequests.Tests.Auth": a namespace named Auth would hide the FluentRequests.Auth type for every test.
namespace FluentRequests.Tests.Authentication;

/// <summary>Basic (tuple, factory, URL credentials) and Bearer auth on the wire, and which auth wins.</summary>
public class BasicAndBearerAuthTests : WireMockTest
{
    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200));

    private string? Authorization()
        => LastRequest.Headers!.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.Single();

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.Latin1.GetBytes(user + ":" + password));

    [Test]
    public async Task TupleConvertsToBasic([Values] bool async)
    {
        await Send.Either(async, () => Requests.Get(Url("/"), auth: ("user", "pass")), () => Requests.GetAsync(Url("/"), auth: ("user", "pass")));

        Assert.That(Authorization(), Is.EqualTo("Basic dXNlcjpwYXNz"));
    }

    [Test]
    public async Task BasicFactoryEncodesColonsAndLatin1([Values] bool async)
    {
        var auth = Auth.Basic("Aladdin", "open:sésame");

        await Send.Either(async, () => Requests.Get(Url("/"), auth: auth), () => Requests.GetAsync(Url("/"), auth: auth));

        Assert.That(Authorization(), Is.EqualTo(Basic("Aladdin", "open:sésame")));
        Assert.That(auth.HeaderValue, Is.EqualTo(Authorization()));
    }

    [Test]
    public async Task RequestAuthBeatsSessionAuth([Values] bool async)
    {
        using var session = new Session { Auth = ("session", "s") };

        await Send.Either(async, () => session.Get(Url("/"), auth: ("request", "r")), () => session.GetAsync(Url("/"), auth: ("request", "r")));

        Assert.That(Authorization(), Is.EqualTo(Basic("request", "r")));
    }

    [Test]
    public async Task SessionAuthBeatsCredentialsInTheUrl([Values] bool async)
    {
        using var session = new Session { Auth = ("session", "s") };
        string url = $"http://urluser:urlpass@127.0.0.1:{Server.Port}/";

        await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(Authorization(), Is.EqualTo(Basic("session", "s")));
    }

    [Test]
    public async Task CredentialsInTheUrlBecomeBasic([Values] bool async)
    {
        string url = $"http://user:p%40ss@127.0.0.1:{Server.Port}/private";

        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(LastRequest.Path, Is.EqualTo("/private"));
        Assert.That(Authorization(), Is.EqualTo(Basic("user", "p@ss")), "percent-encoded credentials are decoded");
        Assert.That(response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task ExplicitAuthorizationHeaderIsReplacedByAuth([Values] bool async)
    {
        var headers = new { Authorization = "Custom x" };

        await Send.Either(async,
            () => Requests.Get(Url("/"), headers: headers, auth: ("user", "pass")),
            () => Requests.GetAsync(Url("/"), headers: headers, auth: ("user", "pass")));

        Assert.That(Authorization(), Is.EqualTo("Basic dXNlcjpwYXNz"), "as Requests: auth is applied after headers");
    }

    [Test]
    public async Task BearerTokenHeader([Values] bool async)
    {
        await Send.Either(async,
            () => Requests.Get(Url("/"), auth: Auth.Bearer("t0k3n.abc")),
            () => Requests.GetAsync(Url("/"), auth: Auth.Bearer("t0k3n.abc")));

        Assert.That(Authorization(), Is.EqualTo("Bearer t0k3n.abc"));
    }

    [Test]
    public async Task FluentBearerAndBasicHelpers([Values] bool async)
    {
        var bearer = Requests.Url(Url("/b")).WithBearerToken("tok");
        await Send.Either(async, () => bearer.Get(), () => bearer.GetAsync());
        Assert.That(Authorization(), Is.EqualTo("Bearer tok"));

        var basic = Requests.Url(Url("/b")).WithBasicAuth("user", "pass");
        await Send.Either(async, () => basic.Get(), () => basic.GetAsync());
        Assert.That(Authorization(), Is.EqualTo("Basic dXNlcjpwYXNz"));
    }

    [Test]
    public async Task NoAuthMeansNoAuthorizationHeader([Values] bool async)
    {
        await Send.Either(async, () => Requests.Get(Url("/")), () => Requests.GetAsync(Url("/")));

        Assert.That(Authorization(), Is.Null);
    }

    [Test]
    public async Task NonLatin1CredentialsAreEncodedAsUtf8([Values] bool async)
    {
        var auth = Auth.Basic("用户", "пароль");

        await Send.Either(async, () => Requests.Get(Url("/"), auth: auth), () => Requests.GetAsync(Url("/"), auth: auth));

        Assert.That(Authorization(), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("用户:пароль"))));
    }

    [Test]
    public async Task BearerTokenWithLineBreakCannotInjectHeaders([Values] bool async)
    {
        var e = await Send.Throws<Exception>(async,
            () => Requests.Get(Url("/"), auth: Auth.Bearer("tok\r\nX-Injected: 1")),
            () => Requests.GetAsync(Url("/"), auth: Auth.Bearer("tok\r\nX-Injected: 1")));

        Assert.That(e, Is.InstanceOf<InvalidHeaderException>().Or.InstanceOf<ArgumentException>());
        Assert.That(Received, Is.Empty);
    }
}
