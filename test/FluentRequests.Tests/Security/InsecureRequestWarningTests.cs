using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Security;

/// <summary>
/// Requests' InsecureRequestWarning: the <c>FluentRequests</c> EventSource writes <c>InsecureRequest</c> once per
/// transport and host for https requests sent with <c>verify: false</c>, and never for verified or plain-http ones.
/// Events are told apart by the host:port of a server only this test uses (tests run in parallel).
/// </summary>
public class InsecureRequestWarningTests
{
    [Test]
    public async Task VerifyFalseWarnsOncePerHostAndVerifiedOrPlainRequestsDoNot([Values] bool async)
    {
        await using var insecure = await StartHttps();
        await using var verified = await StartHttps();
        await using var plain = await KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        string bundle = TestCertificates.WriteCaBundle();
        using var listener = new Listener();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                using var session = new Session { Verify = false };
                await Send.Either(async, () => session.Get(insecure.Url("/")), () => session.GetAsync(insecure.Url("/")));
                await Send.Either(async, () => session.Get(plain.Url("/")), () => session.GetAsync(plain.Url("/")));
                await Send.Either(async, () => session.Get(verified.Url("/"), verify: bundle), () => session.GetAsync(verified.Url("/"), verify: bundle));
            }
        }
        finally
        {
            File.Delete(bundle);
        }

        var warnings = listener.Events.Where(e => e.EventName == "InsecureRequest").ToList();
        var forInsecure = warnings.Where(e => Equals(e.Payload![0], Authority(insecure))).ToList();
        Assert.That(forInsecure, Has.Count.EqualTo(1), "one warning for three requests on one transport");
        Assert.That(forInsecure[0].Level, Is.EqualTo(EventLevel.Warning));
        Assert.That(forInsecure[0].PayloadNames, Is.EqualTo(new[] { "host", "transport" }));
        Assert.That(forInsecure[0].Payload![1], Is.EqualTo("verify=false"));
        Assert.That(warnings.Where(e => Equals(e.Payload![0], Authority(verified)) || Equals(e.Payload![0], Authority(plain))), Is.Empty);
    }

    private static string Authority(KestrelServer server) => new Uri(server.BaseUrl).Authority;

    private static Task<KestrelServer> StartHttps()
        => KestrelServer.StartAsync(ctx => ctx.Response.WriteAsync("secure"),
            options => options.ConfigureHttpsDefaults(https => https.ServerCertificate = TestCertificates.Server), https: true);

    private sealed class Listener : EventListener
    {
        private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();

        public IEnumerable<EventWrittenEventArgs> Events => _events;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "FluentRequests") EnableEvents(source, EventLevel.Warning);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e) => _events?.Enqueue(e);
    }
}
