using System.Net;
using System.Net.Sockets;

namespace FluentRequests.Tests.Exceptions;

/// <summary>
/// A URL's userinfo (<c>user:password@</c>) becomes Basic auth and never appears in an exception's message: the
/// messages name the URL without it, so logging an exception cannot leak the password (Requests' messages keep it).
/// </summary>
public class CredentialFreeMessagesTests : WireMockTest
{
    private const string Secret = "s3cr3t-pw";

    private string WithCredentials(string url) => url.Replace("http://", $"http://ada:{Secret}@", StringComparison.Ordinal);

    private static void AssertNoSecret(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            Assert.That(current.Message, Does.Not.Contain(Secret), $"{current.GetType().Name}: {current.Message}");
        }
        Assert.That(e.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public async Task ARefusedConnectionNamesTheUrlWithoutItsPassword([Values] bool async)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string url = $"http://ada:{Secret}@127.0.0.1:{port}/private?x=1";

        var e = await Send.Throws<ConnectionException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(e.Message, Does.Contain($"http://127.0.0.1:{port}/private?x=1"));
        AssertNoSecret(e);
    }

    [Test]
    public async Task RaiseForStatusNamesTheUrlWithoutItsPassword([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/missing")).RespondWith(WmResponse.Create().WithStatusCode(404));
        string url = WithCredentials(Url("/missing"));

        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(response.Url, Does.Contain(Secret), "the response keeps the URL as asked for");
        var e = Assert.Throws<HttpStatusException>(() => response.RaiseForStatus())!;
        Assert.That(e.Message, Does.Contain(Url("/missing")));
        AssertNoSecret(e);
    }

    [Test]
    public async Task AReadTimeoutNamesTheUrlWithoutItsPassword([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/slow")).RespondWith(WmResponse.Create().WithDelay(TimeSpan.FromSeconds(5)));
        string url = WithCredentials(Url("/slow"));

        var e = await Send.Throws<ReadTimeoutException>(async,
            () => Requests.Get(url, timeout: (5.0, 0.2)), () => Requests.GetAsync(url, timeout: (5.0, 0.2)));

        AssertNoSecret(e);
    }

    [Test]
    public async Task ABodyThatIsNotJsonNamesTheUrlWithoutItsPassword([Values] bool async)
    {
        Server.Given(WmRequest.Create().WithPath("/text")).RespondWith(WmResponse.Create().WithBody("not json"));
        string url = WithCredentials(Url("/text"));

        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        AssertNoSecret(Assert.Throws<JsonDecodeException>(() => response.Json())!);
    }

    [TestCase("http://ada:s3cr3t-pw@[::1/x")]
    [TestCase("http://ada:s3cr3t-pw@exa mple.com/x")]
    [TestCase("ftp://ada:s3cr3t-pw@example.com/x")]
    public void AnInvalidUrlIsNamedWithoutItsPassword(string url)
    {
        var e = Assert.Catch<RequestException>(() => Requests.Get(url))!;

        AssertNoSecret(e);
    }

    [TestCase("http://u:p@h/x?q=1", "http://h/x?q=1")]
    [TestCase("https://u@h:8443", "https://h:8443")]
    [TestCase("http://h/a@b", "http://h/a@b")]
    [TestCase("http://u:p@ss@h/x", "http://h/x")]
    [TestCase("http://h/x#u@v", "http://h/x#u@v")]
    [TestCase("u:p@h/x", "u:p@h/x")]
    [TestCase("mailto:someone@example.com", "mailto:someone@example.com")]
    [TestCase("", "")]
    public void WithoutUserInfoRemovesOnlyTheAuthoritysUserinfo(string url, string expected)
        => Assert.That(UrlRedaction.WithoutUserInfo(url), Is.EqualTo(expected));
}
