using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Security;

/// <summary>
/// REQUESTS_CA_BUNDLE then CURL_CA_BUNDLE, used only while neither the session nor the request sets <c>verify</c>
/// and <see cref="Session.TrustEnv"/> is on. Each session gets its own variables through an injected source, so
/// these tests pass whatever this machine exports and leak nothing into tests running in parallel.
/// </summary>
public class EnvironmentCaBundleTests
{
    private KestrelServer _https = null!;
    private KestrelServer _plain = null!;
    private string _trusting = null!;
    private string _unrelated = null!;
    private string _missing = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _https = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("secure"),
            options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server), https: true);
        _plain = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("plain"));
        _trusting = TestCertificates.WriteCaBundle();
        _unrelated = TestCertificates.WritePem(TestCertificates.OtherCa.ExportCertificatePem());
        _missing = Path.Combine(Path.GetTempPath(), $"fluentrequests-missing-{Guid.NewGuid():N}.pem");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _https.DisposeAsync();
        await _plain.DisposeAsync();
        File.Delete(_trusting);
        File.Delete(_unrelated);
    }

    private static Session With(params (string Name, string Value)[] variables)
        => new() { EnvironmentSource = EnvironmentSource.From(variables.ToDictionary(v => v.Name, v => v.Value)) };

    private static Task<Response> Get(bool async, Session session, string url, Verify? verify = null)
        => Send.Either(async, () => session.Get(url, verify: verify), () => session.GetAsync(url, verify: verify));

    [Test]
    public async Task RequestsCaBundleIsUsedWhenVerifyIsUnset([Values] bool async)
    {
        using var session = With(("REQUESTS_CA_BUNDLE", _trusting));
        var response = await Get(async, session, _https.Url("/"));
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task CurlCaBundleIsUsedWhenRequestsCaBundleIsUnsetOrEmpty([Values] bool async, [Values] bool requestsEmpty)
    {
        using var session = requestsEmpty
            ? With(("REQUESTS_CA_BUNDLE", ""), ("CURL_CA_BUNDLE", _trusting))
            : With(("CURL_CA_BUNDLE", _trusting));
        var response = await Get(async, session, _https.Url("/"));
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task RequestsCaBundleComesBeforeCurlCaBundle([Values] bool async)
    {
        using var session = With(("REQUESTS_CA_BUNDLE", _unrelated), ("CURL_CA_BUNDLE", _trusting));
        string url = _https.Url("/");
        var e = await Send.Throws<SslException>(async, () => session.Get(url), () => session.GetAsync(url));
        Assert.That(e.Message, Does.Contain("not trusted").And.Contain(_unrelated));
    }

    [Test]
    public async Task AnExplicitSessionVerifyBeatsTheEnvironment([Values] bool async)
    {
        // Even `true`: once set, the system roots are used, and this test CA is not among them.
        using var session = With(("REQUESTS_CA_BUNDLE", _trusting));
        session.Verify = true;
        string url = _https.Url("/");
        var e = await Send.Throws<SslException>(async, () => session.Get(url), () => session.GetAsync(url));
        Assert.That(e.Message, Does.Contain("not trusted").And.Not.Contain(_trusting));
    }

    [Test]
    public async Task SessionVerifyFalseBeatsAnEnvironmentBundle([Values] bool async)
    {
        // Requests lets REQUESTS_CA_BUNDLE override verify=False (psf/requests#3829); here the session wins.
        using var session = With(("REQUESTS_CA_BUNDLE", _missing));
        session.Verify = false;
        var response = await Get(async, session, _https.Url("/"));
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task APerRequestVerifyBeatsTheEnvironment([Values] bool async)
    {
        using var session = With(("REQUESTS_CA_BUNDLE", _trusting));
        string url = _https.Url("/");
        var e = await Send.Throws<SslException>(async, () => session.Get(url, verify: true), () => session.GetAsync(url, verify: true));
        Assert.That(e.Message, Does.Contain("not trusted"));

        using var unset = With(("REQUESTS_CA_BUNDLE", _unrelated));
        var response = await Get(async, unset, url, verify: _trusting);
        Assert.That(response.Text, Is.EqualTo("secure"));
    }

    [Test]
    public async Task TrustEnvFalseIgnoresTheEnvironment([Values] bool async)
    {
        using var session = With(("REQUESTS_CA_BUNDLE", _trusting));
        session.TrustEnv = false;
        string url = _https.Url("/");
        var e = await Send.Throws<SslException>(async, () => session.Get(url), () => session.GetAsync(url));
        Assert.That(e.Message, Does.Contain("not trusted").And.Not.Contain(_trusting));
    }

    [Test]
    public async Task AMissingEnvironmentBundleFailsHttpsOnly([Values] bool async)
    {
        using var session = With(("REQUESTS_CA_BUNDLE", _missing));
        string url = _https.Url("/");
        var e = await Send.Throws<SslException>(async, () => session.Get(url), () => session.GetAsync(url));
        Assert.That(e.Message, Is.EqualTo($"Could not find a suitable TLS CA certificate bundle, invalid path: {_missing}"));

        var plain = await Get(async, session, _plain.Url("/"));
        Assert.That(plain.Text, Is.EqualTo("plain"));
    }

    [Test]
    public async Task AnEnvironmentBundleKeepsOneTransportAcrossRequestsAndSessions([Values] bool async)
    {
        await using var server = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("secure"),
            options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server), https: true);
        string url = server.Url("/");
        for (int i = 0; i < 3; i++)
        {
            using var session = With(("REQUESTS_CA_BUNDLE", _trusting));
            var response = await Get(async, session, url);
            Assert.That(response.Text, Is.EqualTo("secure"));
        }
        // A handler per request (or per session) would open a connection each time.
        Assert.That(server.Connections, Is.EqualTo(1));
    }
}
