using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.Server;

namespace FluentRequests.Extensions.DependencyInjection.Tests;

public sealed class LoggingTests
{
    private static readonly string[] Secrets =
        ["SECRET-AUTH", "SECRET-PROXY-AUTH", "SECRET-COOKIE", "SECRET-SENT-COOKIE", "SECRET-SET-COOKIE", "SECRET-PASS", "SECRET-QUERY"];

    private WireMockServer _server = null!;

    [SetUp]
    public void Start()
    {
        _server = WireMockServer.Start();
        _server.Given(WmRequest.Create().WithPath("/data"))
            .RespondWith(WmResponse.Create().WithHeader("Set-Cookie", "token=SECRET-SET-COOKIE; Path=/").WithBody("ok"));
        _server.Given(WmRequest.Create().WithPath("/moved"))
            .RespondWith(WmResponse.Create().WithStatusCode(302).WithHeader("Location", "/data?token=SECRET-QUERY"));
    }

    [TearDown]
    public void Stop() => _server.Stop();

    private static ServiceProvider Build(out FakeLogCollector logs)
    {
        var services = Container.Build(fr =>
        {
            fr.Services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false);
            fr.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
            fr.AddSession("github", (_, s) =>
            {
                s.Headers["Authorization"] = "Bearer SECRET-AUTH";
                s.Headers["Proxy-Authorization"] = "Basic SECRET-PROXY-AUTH";
                s.Headers["Cookie"] = "sent=SECRET-SENT-COOKIE";
                s.Cookies.Set("sid", "SECRET-COOKIE");
            });
        });
        logs = services.GetFakeLogCollector();
        return services;
    }

    /// <summary>All a log sink could write of a record: its message, state, scopes and exception.</summary>
    private static IEnumerable<(string Where, string Text)> Everything(FakeLogRecord record)
    {
        yield return ("message", record.Message);
        foreach (var pair in record.StructuredState ?? []) yield return ($"state {pair.Key}", pair.Value ?? "");
        foreach (var scope in record.Scopes) yield return ("scope", scope?.ToString() ?? "");
        if (record.Exception is { } e) yield return ("exception", e.ToString());
    }

    private static void AssertNoSecret(IReadOnlyList<FakeLogRecord> records)
    {
        Assert.That(records, Is.Not.Empty);
        foreach (var record in records)
        {
            foreach (var (where, text) in Everything(record))
            {
                foreach (var secret in Secrets) Assert.That(text, Does.Not.Contain(secret), $"{secret} in the {where} of \"{record.Message}\"");
            }
        }
    }

    [Test]
    public async Task A_call_logs_start_at_debug_and_end_at_information_in_the_category_of_its_session_without_secrets()
    {
        using var services = Build(out var logs);
        var url = new UriBuilder(_server.Url!) { UserName = "user", Password = "SECRET-PASS", Path = "/moved", Query = "token=SECRET-QUERY" }.Uri;
        using (services.GetRequiredService<ILoggerFactory>().CreateLogger("test").BeginScope("request {Id}", 7))
        {
            var response = await services.Session("github").GetAsync(url.ToString());
            Assert.That(response.Text, Is.EqualTo("ok"));
        }
        var records = logs.GetSnapshot().Where(r => r.Category == "FluentRequests.Session.github").ToList();
        Assert.That(records.Select(r => r.Level), Is.EqualTo(new[] { LogLevel.Debug, LogLevel.Information }));
        var end = records[1];
        string expectedUrl = $"{_server.Url}/moved?*";
        Assert.Multiple(() =>
        {
            Assert.That(records[0].Message, Is.EqualTo($"GET {expectedUrl} starting"));
            Assert.That(end.Message, Does.Match(@"^GET http://localhost:\d+/moved\?\* returned 200 in [0-9.]+ ms \(1 redirects, 0 retries\)$"));
            Assert.That(end.GetStructuredStateValue("StatusCode"), Is.EqualTo("200"));
            Assert.That(end.GetStructuredStateValue("Url"), Is.EqualTo(expectedUrl));
            Assert.That(end.Scopes, Is.Not.Empty, "the caller's scope is captured, so it is checked too");
        });
        AssertNoSecret(records);
    }

    [Test]
    public void A_failure_logs_a_warning_with_the_exception_type_and_a_redacted_message_without_secrets()
    {
        using var services = Build(out var logs);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        string url = $"http://user:SECRET-PASS@127.0.0.1:{port}/x?token=SECRET-QUERY";
        var e = Assert.Throws<ConnectionException>(() => services.Session("github").Get(url));
        var warning = logs.GetSnapshot().Single(r => r.Level == LogLevel.Warning);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Category, Is.EqualTo("FluentRequests.Session.github"));
            Assert.That(warning.Message, Does.StartWith($"GET http://127.0.0.1:{port}/x?* failed after "));
            Assert.That(warning.Message, Does.Contain(": ConnectionException: "));
            Assert.That(warning.Exception, Is.Null, "the exception object is not handed to sinks");
            // The core's message already leaves the password out; the log also redacts the query.
            Assert.That(e!.Message, Does.Not.Contain("SECRET-PASS"));
            Assert.That(e.Message, Does.Contain("SECRET-QUERY"));
            Assert.That(warning.GetStructuredStateValue("ExceptionMessage"), Does.Contain($"http://127.0.0.1:{port}/x?*"));
        });
        AssertNoSecret(logs.GetSnapshot());
    }

    [TestCase("GET https://user:pw@host/a?token=abc failed", "GET https://host/a?* failed")]
    [TestCase("Proxy http://u:p@proxy:3128 refused", "Proxy http://proxy:3128/ refused")]
    [TestCase("Authorization: Bearer abc was rejected", "Authorization: *")]
    [TestCase("no url here", "no url here")]
    public void An_exception_message_is_redacted_before_it_is_logged(string message, string logged)
        => Assert.That(SessionLogObserver.RedactMessage(message), Is.EqualTo(logged));
}
