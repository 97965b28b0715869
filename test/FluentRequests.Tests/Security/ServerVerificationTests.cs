using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Security;

/// <summary>
/// <c>verify</c> against real TLS servers on loopback: why a certificate is refused, CA bundle files with several
/// certificates, CA directories, and a missing bundle path (which must not touch plain-http requests).
/// </summary>
public class ServerVerificationTests
{
    private KestrelServer _trusted = null!;
    private KestrelServer _expired = null!;
    private KestrelServer _wrongHost = null!;
    private KestrelServer _plain = null!;
    private readonly List<string> _temporary = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _trusted = await StartHttps(TestCertificates.Server);
        var now = DateTimeOffset.UtcNow;
        _expired = await StartHttps(TestCertificates.IssueServer(["localhost"], includeLoopback: true, now.AddDays(-60), now.AddDays(-30)));
        _wrongHost = await StartHttps(TestCertificates.IssueServer(["other.example"], includeLoopback: false));
        _plain = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("plain"));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var server in new[] { _trusted, _expired, _wrongHost, _plain }) await server.DisposeAsync();
        foreach (var path in _temporary)
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
    }

    private static Task<KestrelServer> StartHttps(X509Certificate2 certificate)
        => KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("secure"),
            options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate), https: true);

    private string Bundle(params X509Certificate2[] certificates)
    {
        string path = TestCertificates.WritePem(string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));
        _temporary.Add(path);
        return path;
    }

    private string Folder(params (string Name, string Content)[] files)
    {
        string path = Path.Combine(Path.GetTempPath(), $"fluentrequests-cadir-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        _temporary.Add(path);
        foreach (var (name, content) in files) File.WriteAllText(Path.Combine(path, name), content);
        return path;
    }

    [Test]
    public async Task AnUntrustedCertificateIsRefusedAsNotTrusted([Values] bool async)
    {
        string url = _trusted.Url("/");
        var e = await Send.Throws<SslException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));
        Assert.That(e.Message, Does.Contain("not trusted").And.Contain(url));
        Assert.That(e.Message, Does.Not.Contain("expired").And.Not.Contain("hostname"));
    }

    [Test]
    public async Task AnExpiredCertificateIsRefusedAsExpired([Values] bool async)
    {
        string bundle = Bundle(TestCertificates.Ca);
        string url = _expired.Url("/");
        var e = await Send.Throws<SslException>(async, () => Requests.Get(url, verify: bundle), () => Requests.GetAsync(url, verify: bundle));
        Assert.That(e.Message, Does.Contain("has expired").And.Contain(url));
        Assert.That(e.Message, Does.Not.Contain("not trusted").And.Not.Contain("hostname"));
    }

    [Test]
    public async Task ACertificateForAnotherHostIsRefusedAsAHostnameMismatch([Values] bool async)
    {
        string bundle = Bundle(TestCertificates.Ca);
        string url = _wrongHost.Url("/");
        var e = await Send.Throws<SslException>(async, () => Requests.Get(url, verify: bundle), () => Requests.GetAsync(url, verify: bundle));
        Assert.That(e.Message, Does.Contain("hostname mismatch").And.Contain("'127.0.0.1'").And.Contain("other.example"));
        Assert.That(e.Message, Does.Not.Contain("not trusted").And.Not.Contain("expired"));
    }

    [Test]
    public async Task ABundleFileWithSeveralCertificatesTrustsEachOfThem([Values] bool async)
    {
        // The CA that signed the server comes second: every certificate of the file must be read, not the first only.
        string bundle = Bundle(TestCertificates.OtherCa, TestCertificates.Ca);
        string url = _trusted.Url("/");
        var response = await Send.Either(async, () => Requests.Get(url, verify: bundle), () => Requests.GetAsync(url, verify: bundle));
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task ABundleWithoutTheIssuerTrustsOnlyWhatItHolds([Values] bool async)
    {
        // The bundle replaces the system roots rather than adding to nothing: the server's CA is not in it.
        string bundle = Bundle(TestCertificates.OtherCa);
        string url = _trusted.Url("/");
        var e = await Send.Throws<SslException>(async, () => Requests.Get(url, verify: bundle), () => Requests.GetAsync(url, verify: bundle));
        Assert.That(e.Message, Does.Contain("not trusted").And.Contain(bundle));
    }

    [Test]
    public async Task AnOpenSslHashedDirectoryIsACaBundle([Values] bool async)
    {
        // c_rehash names files <subject hash>.0; other files (a README) are skipped.
        string folder = Folder(("a1b2c3d4.0", TestCertificates.OtherCa.ExportCertificatePem()),
            ("e5f6a7b8.0", TestCertificates.Ca.ExportCertificatePem()), ("README", "not a certificate\n"));
        string url = _trusted.Url("/");
        var response = await Send.Either(async, () => Requests.Get(url, verify: folder), () => Requests.GetAsync(url, verify: folder));
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task ADirectoryOfPemFilesIsACaBundle([Values] bool async)
    {
        string folder = Folder(("other.pem", TestCertificates.OtherCa.ExportCertificatePem()), ("internal-ca.crt", TestCertificates.Ca.ExportCertificatePem()));
        using var session = new Session { Verify = folder };
        string url = _trusted.Url("/");
        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task ADirectoryWithoutTheIssuerIsRefused([Values] bool async)
    {
        string folder = Folder(("other.pem", TestCertificates.OtherCa.ExportCertificatePem()));
        string url = _trusted.Url("/");
        var e = await Send.Throws<SslException>(async, () => Requests.Get(url, verify: folder), () => Requests.GetAsync(url, verify: folder));
        Assert.That(e.Message, Does.Contain("not trusted"));
    }

    [Test]
    public async Task AMissingBundlePathFailsHttpsWithRequestsMessageAndLeavesPlainHttpAlone([Values] bool async)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"fluentrequests-missing-{Guid.NewGuid():N}", "ca.pem");
        using var session = new Session { Verify = missing };
        string https = _trusted.Url("/");
        string http = _plain.Url("/");

        var e = await Send.Throws<SslException>(async, () => session.Get(https), () => session.GetAsync(https));
        Assert.That(e.Message, Is.EqualTo($"Could not find a suitable TLS CA certificate bundle, invalid path: {missing}"));
        Assert.That(e.Request?.Url, Is.EqualTo(https));

        var plain = await Send.Either(async, () => session.Get(http), () => session.GetAsync(http));
        Assert.That(plain.Text, Is.EqualTo("plain"));

        var perRequest = await Send.Either(async, () => Requests.Get(http, verify: missing), () => Requests.GetAsync(http, verify: missing));
        Assert.That(perRequest.Text, Is.EqualTo("plain"));
    }

    [Test]
    public async Task ABundleWithNoCertificateIsRefusedBeforeConnecting([Values] bool async)
    {
        string empty = TestCertificates.WritePem("no certificates here\n");
        _temporary.Add(empty);
        string url = _trusted.Url("/");
        var e = await Send.Throws<SslException>(async, () => Requests.Get(url, verify: empty), () => Requests.GetAsync(url, verify: empty));
        Assert.That(e.Message, Does.Contain(empty).And.Contain("holds no PEM certificate"));
    }
}
