using System.Text;
using FluentRequests.Tests.Redirects;

namespace FluentRequests.Tests.Authentication;

/// <summary>
/// Which credentials a request carries, as Requests 2.32+ (checked with python3 against sessions.prepare_request):
/// request auth, then Session.Auth, then .netrc for the host, then user:pass in the URL; any of them replaces an
/// Authorization header given in headers. The netrc names 127.0.0.1; "localhost" is the same server without an entry.
/// </summary>
public class AuthPrecedenceTests : WireMockTest
{
    private FakeEnvironment _environment = null!;

    [OneTimeSetUp]
    public void WriteNetrc()
    {
        _environment = new FakeEnvironment();
        _environment.Set("NETRC", _environment.WriteHomeFile("precedence.netrc", "machine 127.0.0.1 login netrcuser password netrcpass\n"));
    }

    [OneTimeTearDown]
    public void RemoveNetrc() => _environment.Dispose();

    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200));

    private static string? Decode(string? authorization)
        => authorization is not null && authorization.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.Latin1.GetString(Convert.FromBase64String(authorization["Basic ".Length..]))
            : authorization;

    [TestCase(false, false, true, false, false, "netrcuser:netrcpass")]
    [TestCase(false, false, true, false, true, "netrcuser:netrcpass")]
    [TestCase(false, false, true, true, false, "netrcuser:netrcpass")]
    [TestCase(false, false, true, true, true, "netrcuser:netrcpass")]
    [TestCase(false, false, false, false, false, null)]
    [TestCase(false, false, false, false, true, "Custom x")]
    [TestCase(false, false, false, true, false, "urluser:urlpass")]
    [TestCase(false, false, false, true, true, "urluser:urlpass")]
    [TestCase(false, true, true, false, false, "sess:s")]
    [TestCase(false, true, true, false, true, "sess:s")]
    [TestCase(false, true, true, true, false, "sess:s")]
    [TestCase(false, true, true, true, true, "sess:s")]
    [TestCase(false, true, false, false, false, "sess:s")]
    [TestCase(false, true, false, false, true, "sess:s")]
    [TestCase(false, true, false, true, false, "sess:s")]
    [TestCase(false, true, false, true, true, "sess:s")]
    [TestCase(true, false, true, false, false, "req:r")]
    [TestCase(true, false, true, false, true, "req:r")]
    [TestCase(true, false, true, true, false, "req:r")]
    [TestCase(true, false, true, true, true, "req:r")]
    [TestCase(true, false, false, false, false, "req:r")]
    [TestCase(true, false, false, false, true, "req:r")]
    [TestCase(true, false, false, true, false, "req:r")]
    [TestCase(true, false, false, true, true, "req:r")]
    [TestCase(true, true, true, false, false, "req:r")]
    [TestCase(true, true, true, false, true, "req:r")]
    [TestCase(true, true, true, true, false, "req:r")]
    [TestCase(true, true, true, true, true, "req:r")]
    [TestCase(true, true, false, false, false, "req:r")]
    [TestCase(true, true, false, false, true, "req:r")]
    [TestCase(true, true, false, true, false, "req:r")]
    [TestCase(true, true, false, true, true, "req:r")]
    public async Task ChoosesTheCredentialsAsRequests(
        bool requestAuth, bool sessionAuth, bool netrcHasHost, bool urlCredentials, bool authorizationHeader, string? expected)
    {
        foreach (bool async in new[] { false, true })
        {
            Server.ResetLogEntries();
            using var session = new Session { EnvironmentSource = _environment };
            if (sessionAuth) session.Auth = ("sess", "s");
            string host = netrcHasHost ? "127.0.0.1" : "localhost";
            string url = $"http://{(urlCredentials ? "urluser:urlpass@" : "")}{host}:{Server.Port}/";
            Auth? auth = requestAuth ? ("req", "r") : null;
            object? headers = authorizationHeader ? new { Authorization = "Custom x" } : null;

            var response = await Send.Either(async,
                () => session.Get(url, headers: headers, auth: auth),
                () => session.GetAsync(url, headers: headers, auth: auth));

            Assert.That(Decode(LastRequest.Header("Authorization")), Is.EqualTo(expected), async ? "async" : "sync");
            Assert.That(Decode(response.Request.Headers["Authorization"]), Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task TrustEnvFalseIgnoresTheNetrc([Values] bool async)
    {
        using var session = new Session { EnvironmentSource = _environment, TrustEnv = false };

        await Send.Either(async, () => session.Get(Url("/")), () => session.GetAsync(Url("/")));

        Assert.That(LastRequest.Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task PrepareShowsTheNetrcCredentials([Values] bool async)
    {
        using var session = new Session { EnvironmentSource = _environment };

        var prepared = session.Prepare(new Request("GET", Url("/p")));
        await Send.Either(async, () => session.Send(prepared), () => session.SendAsync(prepared));

        Assert.That(Decode(prepared.Headers["Authorization"]), Is.EqualTo("netrcuser:netrcpass"));
        Assert.That(Decode(LastRequest.Header("Authorization")), Is.EqualTo("netrcuser:netrcpass"));
    }
}
