using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace FluentRequests.Tests.Security;

/// <summary>
/// <c>cert</c> against Kestrel with <see cref="ClientCertificateMode.RequireCertificate"/>: each form of client
/// certificate is accepted by a server that demands one, and missing files fail with Requests' messages.
/// </summary>
public class ClientCertificateTests
{
    private const string ClientName = "CN=fluent-client";

    private KestrelServer _server = null!;
    private KestrelServer _plain = null!;
    private X509Certificate2 _client = null!;
    private string _caBundle = null!;
    private string _certPem = null!;
    private string _keyPem = null!;
    private string _combinedPem = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _client = TestCertificates.IssueClient("fluent-client");
        string certText = _client.ExportCertificatePem();
        string keyText = _client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
        _caBundle = TestCertificates.WriteCaBundle();
        _certPem = TestCertificates.WritePem(certText);
        _keyPem = TestCertificates.WritePem(keyText);
        _combinedPem = TestCertificates.WritePem(certText + "\n" + keyText);

        _server = await KestrelServer.StartAsync(
            ctx => ctx.Response.WriteAsync(ctx.Connection.ClientCertificate?.Subject ?? "no client certificate"),
            options => options.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = TestCertificates.Server;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, _, _) => TestCertificates.IssuedByCa(certificate);
            }),
            https: true);
        _plain = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("plain"));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        await _plain.DisposeAsync();
        foreach (var path in new[] { _caBundle, _certPem, _keyPem, _combinedPem }) File.Delete(path);
    }

    private async Task<string> SubjectSeenWith(bool async, ClientCert cert)
    {
        using var session = new Session { Verify = _caBundle, Cert = cert };
        string url = _server.Url("/");
        var response = await Send.Either(async, () => session.Get(url), () => session.GetAsync(url));
        return response.Text;
    }

    [Test]
    public async Task APemFileWithCertificateAndKeyIsAccepted([Values] bool async)
        => Assert.That(await SubjectSeenWith(async, _combinedPem), Is.EqualTo(ClientName));

    [Test]
    public async Task ACertificateAndKeyPairIsAccepted([Values] bool async)
        => Assert.That(await SubjectSeenWith(async, (_certPem, _keyPem)), Is.EqualTo(ClientName));

    [Test]
    public async Task ACertificateFromPemWithAnEphemeralKeyIsAccepted([Values] bool async)
    {
        using var ephemeral = X509Certificate2.CreateFromPemFile(_certPem, _keyPem);
        Assert.That(await SubjectSeenWith(async, ephemeral), Is.EqualTo(ClientName));
    }

    [Test]
    public async Task ACertificateFromPkcs12IsAccepted([Values] bool async)
        => Assert.That(await SubjectSeenWith(async, _client), Is.EqualTo(ClientName));

    [Test]
    public async Task ThePerRequestCertificateIsSent([Values] bool async)
    {
        string url = _server.Url("/");
        var response = await Send.Either(async,
            () => Requests.Get(url, verify: _caBundle, cert: (_certPem, _keyPem)),
            () => Requests.GetAsync(url, verify: _caBundle, cert: (_certPem, _keyPem)));
        Assert.That(response.Text, Is.EqualTo(ClientName));
    }

    [Test]
    public async Task WithoutACertificateTheServerRefuses([Values] bool async)
    {
        // Proves the server really demands one, so the tests above show our certificate was sent.
        string url = _server.Url("/");
        var e = await Send.Throws<ConnectionException>(async, () => Requests.Get(url, verify: _caBundle), () => Requests.GetAsync(url, verify: _caBundle));
        Assert.That(e.Message, Does.Contain(url));
    }

    [Test]
    public async Task AMissingCertificateFileFailsWithRequestsMessageButNotPlainHttp([Values] bool async)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"fluentrequests-missing-{Guid.NewGuid():N}.pem");
        using var session = new Session { Verify = _caBundle, Cert = missing };
        string url = _server.Url("/");

        var e = await Send.Throws<SslException>(async, () => session.Get(url), () => session.GetAsync(url));
        Assert.That(e.Message, Is.EqualTo($"Could not find the TLS certificate file, invalid path: {missing}"));

        string http = _plain.Url("/");
        var plain = await Send.Either(async, () => session.Get(http), () => session.GetAsync(http));
        Assert.That(plain.Text, Is.EqualTo("plain"));
    }

    [Test]
    public async Task AMissingKeyFileFailsWithRequestsMessage([Values] bool async)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"fluentrequests-missing-{Guid.NewGuid():N}.key");
        string url = _server.Url("/");
        var e = await Send.Throws<SslException>(async,
            () => Requests.Get(url, verify: _caBundle, cert: (_certPem, missing)),
            () => Requests.GetAsync(url, verify: _caBundle, cert: (_certPem, missing)));
        Assert.That(e.Message, Is.EqualTo($"Could not find the TLS key file, invalid path: {missing}"));
    }

    [Test]
    public async Task ACertificateWithoutItsKeyIsRefusedBeforeConnecting([Values] bool async)
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(_client.RawData);
        string url = _server.Url("/");
        var e = await Send.Throws<SslException>(async,
            () => Requests.Get(url, verify: _caBundle, cert: publicOnly),
            () => Requests.GetAsync(url, verify: _caBundle, cert: publicOnly));
        Assert.That(e.Message, Does.Contain("has no private key").And.Contain(ClientName));
    }

    [Test]
    public async Task APemFileWithoutAKeyFailsNamingTheFile([Values] bool async)
    {
        string url = _server.Url("/");
        var e = await Send.Throws<SslException>(async,
            () => Requests.Get(url, verify: _caBundle, cert: _certPem),
            () => Requests.GetAsync(url, verify: _caBundle, cert: _certPem));
        Assert.That(e.Message, Does.Contain("Could not load the TLS client certificate").And.Contain(_certPem));
    }
}
