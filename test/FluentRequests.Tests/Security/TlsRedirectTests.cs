using System.Net;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Security;

/// <summary>Real TLS on loopback (Kestrel with a CA made in the test): verification, and redirects from https to http.</summary>
public class TlsRedirectTests
{
    private KestrelServer _https = null!;
    private KestrelServer _http = null!;
    private string? _authorizationAtHttp;

    [OneTimeSetUp]
    public async Task Start()
    {
        _http = await KestrelServer.StartAsync(ctx =>
        {
            _authorizationAtHttp = ctx.Request.Headers.Authorization.ToString();
            return ctx.Response.WriteAsync("plain http");
        });
        _https = await KestrelServer.StartAsync(ctx =>
        {
            if (ctx.Request.Path == "/downgrade")
            {
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = _http.Url("/landed");
                return Task.CompletedTask;
            }
            return ctx.Response.WriteAsync("secure");
        }, options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server), https: true);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _https.DisposeAsync();
        await _http.DisposeAsync();
    }

    [Test]
    public async Task UntrustedCertificateRaisesSslException([Values] bool async)
    {
        string url = _https.Url("/");
        var e = await Send.Throws<SslException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));
        Assert.That(e.Message, Does.Contain(url));
        Assert.That(e, Is.InstanceOf<ConnectionException>());
    }

    [Test]
    public async Task VerifyFalseAcceptsAnyCertificate([Values] bool async)
    {
        string url = _https.Url("/");
        var response = await Send.Either(async, () => Requests.Get(url, verify: false), () => Requests.GetAsync(url, verify: false));
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task CaBundlePathTrustsThatCa([Values] bool async)
    {
        string bundle = TestCertificates.WriteCaBundle();
        try
        {
            string url = _https.Url("/");
            var response = await Send.Either(async, () => Requests.Get(url, verify: bundle), () => Requests.GetAsync(url, verify: bundle));
            Assert.That(response.Text, Is.EqualTo("secure"));
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    [Test]
    public async Task HttpsToHttpRedirectIsFollowedAndStripsAuthorizationByDefault([Values] bool async)
    {
        using var session = new Session { Verify = false, Auth = ("user", "secret") };
        string url = _https.Url("/downgrade");

        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(response.Text, Is.EqualTo("plain http"));
        Assert.That(response.History.Single().StatusCode, Is.EqualTo(302));
        Assert.That(_authorizationAtHttp, Is.Empty, "Authorization must not reach the http host");
    }

    [Test]
    public async Task HttpsToHttpRedirectIsRefusedWhenTheSessionSaysSo([Values] bool async)
    {
        using var session = new Session { Verify = false, AllowHttpsToHttpRedirects = false };
        string url = _https.Url("/downgrade");

        var e = await Send.Throws<RequestException>(async, () => session.Get(url), () => session.GetAsync(url));

        Assert.That(e.Message, Does.Contain("Refusing to follow the redirect").And.Contain(url));
        Assert.That(e.Response?.StatusCode, Is.EqualTo(302));
    }
}
