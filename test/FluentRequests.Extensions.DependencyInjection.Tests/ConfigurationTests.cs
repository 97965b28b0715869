using System.Net;
using Microsoft.Extensions.Options;

namespace FluentRequests.Extensions.DependencyInjection.Tests;

public sealed class ConfigurationTests
{
    private const string Prefix = "FluentRequests:Sessions:github:";

    private static Dictionary<string, string?> Keys(params (string Key, string? Value)[] pairs) => pairs.ToDictionary(p => Prefix + p.Key, p => p.Value);

    [Test]
    public async Task Every_key_is_bound_onto_the_session()
    {
        string ca = Path.GetTempFileName();
        try
        {
            using var services = Container.Build(fr => fr.AddSession("github"), Keys(
                ("BaseUrl", "https://api.github.com/"),
                ("Headers:Accept", "application/vnd.github+json"),
                ("Headers:X-Api-Version", "2022-11-28"),
                ("Timeout:Connect", "2.5"),
                ("Timeout:Read", "none"),
                ("Timeout:Total", "30"),
                ("Retry:Total", "4"),
                ("Retry:BackoffFactor", "0.25"),
                ("Retry:BackoffMax", "5"),
                ("Retry:StatusCodes:0", "429"),
                ("Retry:StatusCodes:1", "503"),
                ("Retry:Methods", "GET, post"),
                ("Retry:RespectRetryAfter", "false"),
                ("MaxRedirects", "7"),
                ("Proxies:https", "http://proxy.internal:3128"),
                ("Verify", ca),
                ("HttpVersion", "2.0"),
                ("HttpVersionPolicy", "RequestVersionOrLower"),
                ("TrustEnv", "false"),
                ("MaxResponseBytes", "1048576"),
                ("MaxDecompressionRatio", "none"),
                ("MaxResponseHeadersBytes", "32768"),
                ("ShowQueryValuesInTelemetry", "true"),
                ("PropagateTraceContext", "false")));
            await Container.ValidateOnStartAsync(services);
            var s = services.Session("github");
            Assert.Multiple(() =>
            {
                Assert.That(s.BaseUrl, Is.EqualTo("https://api.github.com/"));
                Assert.That(s.Headers["Accept"], Is.EqualTo("application/vnd.github+json"));
                Assert.That(s.Headers["X-Api-Version"], Is.EqualTo("2022-11-28"));
                Assert.That(s.Timeout, Is.EqualTo(new RequestTimeout(TimeSpan.FromSeconds(2.5), null, TimeSpan.FromSeconds(30))));
                Assert.That(s.Retry!.MaxRetries, Is.EqualTo(4));
                Assert.That(s.Retry.BackoffBase, Is.EqualTo(TimeSpan.FromSeconds(0.25)));
                Assert.That(s.Retry.BackoffMax, Is.EqualTo(TimeSpan.FromSeconds(5)));
                Assert.That(s.Retry.StatusCodes, Is.EquivalentTo(new[] { 429, 503 }));
                Assert.That(s.Retry.Methods, Is.EquivalentTo(new[] { "GET", "POST" }));
                Assert.That(s.Retry.RespectRetryAfter, Is.False);
                Assert.That(s.MaxRedirects, Is.EqualTo(7));
                Assert.That(s.Proxies["https"], Is.EqualTo("http://proxy.internal:3128"));
                Assert.That(s.Verify, Is.EqualTo(Verify.CaBundle(ca)));
                Assert.That(s.HttpVersion, Is.EqualTo(HttpVersion.Version20));
                Assert.That(s.HttpVersionPolicy, Is.EqualTo(HttpVersionPolicy.RequestVersionOrLower));
                Assert.That(s.TrustEnv, Is.False);
                Assert.That(s.MaxResponseBytes, Is.EqualTo(1048576));
                Assert.That(s.MaxDecompressionRatio, Is.Null);
                Assert.That(s.MaxResponseHeadersBytes, Is.EqualTo(32768));
                Assert.That(s.ShowQueryValuesInTelemetry, Is.True);
                Assert.That(s.PropagateTraceContext, Is.False);
            });
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Test]
    public void Verify_false_and_a_client_certificate_with_its_key_are_bound()
    {
        string cert = Path.GetTempFileName(), key = Path.GetTempFileName();
        try
        {
            using var services = Container.Build(fr => fr.AddSession("github"), Keys(("Verify", "false"), ("Cert:Path", cert), ("Cert:KeyPath", key)));
            var s = services.Session("github");
            Assert.That(s.Verify, Is.EqualTo(Verify.Disabled));
            Assert.That(s.Cert!.CertPath, Is.EqualTo(cert));
            Assert.That(s.Cert.KeyPath, Is.EqualTo(key));
        }
        finally
        {
            File.Delete(cert);
            File.Delete(key);
        }
    }

    [Test]
    public void Without_configuration_a_session_keeps_the_core_defaults()
    {
        using var services = Container.Build(fr => fr.AddSession("github"));
        var s = services.Session("github");
        var plain = new Session();
        Assert.Multiple(() =>
        {
            Assert.That(s.Timeout, Is.EqualTo(plain.Timeout));
            Assert.That(s.Retry, Is.EqualTo(plain.Retry));
            Assert.That(s.MaxRedirects, Is.EqualTo(plain.MaxRedirects));
            Assert.That(s.Verify, Is.EqualTo(plain.Verify));
            Assert.That(s.TrustEnv, Is.EqualTo(plain.TrustEnv));
            Assert.That(s.MaxResponseBytes, Is.EqualTo(plain.MaxResponseBytes));
        });
    }

    [Test]
    public void Code_configuration_runs_after_binding_and_wins()
    {
        using var services = Container.Build(
            fr => fr.AddSession("github", (_, s) => s.Timeout = RequestTimeout.FromSeconds(1)),
            Keys(("Timeout:Read", "20"), ("BaseUrl", "https://api.github.com/"), ("MaxRedirects", "2")));
        var session = services.Session("github");
        Assert.That(session.Timeout, Is.EqualTo(RequestTimeout.FromSeconds(1)));
        Assert.That(session.BaseUrl, Is.EqualTo("https://api.github.com/"), "what code does not set stays as configured");
        Assert.That(session.MaxRedirects, Is.EqualTo(2));
    }

    [Test]
    public void Only_Timeout_Total_keeps_the_default_connect_and_read_limits()
    {
        using var services = Container.Build(fr => fr.AddSession("github"), Keys(("Timeout:Total", "3")));
        Assert.That(services.Session("github").Timeout, Is.EqualTo(RequestTimeout.Default.WithTotal(TimeSpan.FromSeconds(3))));
    }

    [TestCase("Timeout:Read", "-3", "Timeout:Read: \"-3\" is not a positive number of seconds")]
    [TestCase("Timeout:Connect", "soon", "Timeout:Connect: \"soon\" is not a positive number of seconds")]
    [TestCase("Timeout:Total", "0", "Timeout:Total: \"0\" is not a positive number of seconds")]
    [TestCase("Timeout", "5", "Timeout: \"5\" must be a section")]
    [TestCase("Timeout:Reed", "5", "Timeout:Reed: is not a setting of Timeout")]
    [TestCase("BaseUrl", "api.github.com", "BaseUrl: \"api.github.com\" is not an absolute http or https URL")]
    [TestCase("Headers:X-Bad", "a\nb", "Headers:X-Bad: a header value must not contain a line break")]
    [TestCase("Retry:Total", "-1", "Retry:Total: \"-1\" is not a whole number of retries")]
    [TestCase("Retry:BackoffFactor", "-0.5", "Retry:BackoffFactor: \"-0.5\" is not a number of seconds (0 or more)")]
    [TestCase("Retry:StatusCodes:0", "5O3", "Retry:StatusCodes:0: \"5O3\" is not an HTTP status code")]
    [TestCase("Retry:StatusCodes", "429, 999", "Retry:StatusCodes: \"999\" is not an HTTP status code")]
    [TestCase("Retry:Methods:0", "G ET", "Retry:Methods:0: \"G ET\" is not an HTTP method name")]
    [TestCase("Retry:RespectRetryAfter", "yes", "Retry:RespectRetryAfter: \"yes\" is not true or false")]
    [TestCase("MaxRedirects", "-1", "MaxRedirects: \"-1\" is not a whole number of redirects")]
    [TestCase("Proxies:https", "proxy:3128", "Proxies:https: is not an absolute proxy URL")]
    [TestCase("Verify", "/no/such/ca.pem", "Verify: \"/no/such/ca.pem\" is neither true, false nor an existing CA bundle")]
    [TestCase("Cert", "/no/such/cert.pem", "Cert: \"/no/such/cert.pem\" is not an existing file")]
    [TestCase("HttpVersion", "1.2", "HttpVersion: \"1.2\" is not an HTTP version")]
    [TestCase("HttpVersionPolicy", "Sometimes", "HttpVersionPolicy: \"Sometimes\" is not RequestVersionOrLower")]
    [TestCase("TrustEnv", "maybe", "TrustEnv: \"maybe\" is not true or false")]
    [TestCase("MaxResponseBytes", "0", "MaxResponseBytes: \"0\" is not a positive number of bytes or \"none\"")]
    [TestCase("MaxDecompressionRatio", "0.5", "MaxDecompressionRatio: \"0.5\" is not a ratio of at least 1")]
    [TestCase("MaxResponseHeadersBytes", "big", "MaxResponseHeadersBytes: \"big\" is not a positive number of bytes")]
    [TestCase("Timeuot:Read", "5", "Timeuot: is not a session setting")]
    public async Task A_bad_value_fails_at_startup_naming_its_full_key_and_the_problem(string key, string value, string message)
    {
        using var services = Container.Build(fr => fr.AddSession("github"), Keys((key, value)));
        var e = await Assert.CatchAsync<Exception>(() => Container.ValidateOnStartAsync(services));
        var failures = e is AggregateException aggregate ? aggregate.InnerExceptions : [e!];
        var validation = failures.OfType<OptionsValidationException>().Single();
        Assert.That(validation.Failures, Has.Some.StartsWith("FluentRequests:Sessions:github:" + message));
        // The session itself cannot be had either.
        Assert.Throws<OptionsValidationException>(() => services.Session("github"));
    }

    [Test]
    public void A_bad_proxy_url_is_never_echoed_since_it_may_carry_credentials()
    {
        using var services = Container.Build(fr => fr.AddSession("github"), Keys(("Proxies:https", "user:s3cret@proxy")));
        var e = Assert.Throws<OptionsValidationException>(() => services.Session("github"));
        Assert.That(e!.Message, Does.Contain("Proxies:https").And.Not.Contain("s3cret"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        using var services = Container.Build(fr => fr.AddSession("github"), Keys(("Timeout:Read", "-3"), ("MaxRedirects", "x"), ("TrustEnv", "1")));
        var e = Assert.Throws<OptionsValidationException>(() => services.Session("github"));
        Assert.That(e!.Failures.Count(), Is.EqualTo(3));
    }

    [Test]
    public void Sessions_read_only_their_own_section()
    {
        using var services = Container.Build(fr => { fr.AddSession("github"); fr.AddSession("other"); }, Keys(("MaxRedirects", "-1")));
        Assert.That(services.Session("other").MaxRedirects, Is.EqualTo(new Session().MaxRedirects));
        Assert.Throws<OptionsValidationException>(() => services.Session("github"));
    }
}
