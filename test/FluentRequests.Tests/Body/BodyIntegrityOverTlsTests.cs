using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Body;

/// <summary>The read limit holds through TLS too: a sync read blocks in the TLS stream, which reads the socket on the caller's thread.</summary>
public class BodyIntegrityOverTlsTests
{
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        ctx.Response.Headers.Connection = "close";
        await ctx.Response.Body.WriteAsync(new byte[100], ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
        await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted);
    }, options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server), https: true);

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task StallMidBodyOverTlsIsAReadTimeoutAtTheReadLimit([Values] bool async)
    {
        string url = _server.Url("/stall");
        var watch = Stopwatch.StartNew();

        await Send.Throws<ReadTimeoutException>(async,
            () => Requests.Get(url, timeout: (5, 0.4), verify: false),
            () => Requests.GetAsync(url, timeout: (5, 0.4), verify: false));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2.5)), "the read limit ends the wait, not the peer");
    }
}
