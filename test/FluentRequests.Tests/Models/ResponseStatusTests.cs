using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FluentRequests.Tests.Models;

/// <summary>StatusCode, Reason, Ok, IsRedirect, IsPermanentRedirect, Next and RaiseForStatus, as Requests.</summary>
public class ResponseStatusTests
{
    private KestrelServer _server = null!;

    /// <summary><c>/status?code=N[&amp;reason=R][&amp;location=L]</c> answers with that status line and Location.</summary>
    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        ctx.Response.StatusCode = int.Parse(ctx.Request.Query["code"].ToString() is { Length: > 0 } c ? c : "200");
        if (ctx.Request.Query["reason"].ToString() is { Length: > 0 } reason) ctx.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = reason;
        if (ctx.Request.Query["location"].ToString() is { Length: > 0 } location) ctx.Response.Headers.Location = location;
        await ctx.Response.WriteAsync("body");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<Response> Get(bool async, string query)
    {
        string url = _server.Url("/status?" + query);
        return Send.Either(async, () => Requests.Get(url, allowRedirects: false), () => Requests.GetAsync(url, allowRedirects: false));
    }

    [TestCase(200, true)]
    [TestCase(204, true)]
    [TestCase(302, true)]
    [TestCase(399, true)]
    [TestCase(400, false)]
    [TestCase(404, false)]
    [TestCase(499, false)]
    [TestCase(500, false)]
    [TestCase(599, false)]
    [TestCase(600, true)]
    public async Task OkIsFalseAndRaiseForStatusThrowsOnlyFor400To599(int code, bool ok)
    {
        foreach (bool async in new[] { false, true })
        {
            var response = await Get(async, $"code={code}");
            Assert.That(response.StatusCode, Is.EqualTo(code));
            Assert.That(response.Ok, Is.EqualTo(ok), $"status {code}, async={async}");
            if (ok) Assert.That(response.RaiseForStatus().StatusCode, Is.EqualTo(code), "returns the response to chain on");
            else Assert.Throws<HttpStatusException>(() => response.RaiseForStatus(), $"status {code}, async={async}");
        }
    }

    [Test]
    public async Task ReasonIsAsTheServerSentIt([Values] bool async)
    {
        var response = await Get(async, "code=418&reason=Short%20And%20Stout");

        Assert.That(response.StatusCode, Is.EqualTo(418));
        Assert.That(response.Reason, Is.EqualTo("Short And Stout"));
    }

    [Test]
    public async Task StandardReasonIsKept([Values] bool async)
    {
        var response = await Get(async, "code=201");

        Assert.That(response.Reason, Is.EqualTo("Created"));
    }

    [TestCase(301, true, true)]
    [TestCase(302, true, false)]
    [TestCase(303, true, false)]
    [TestCase(307, true, false)]
    [TestCase(308, true, true)]
    [TestCase(300, false, false)]
    [TestCase(200, false, false)]
    public async Task IsRedirectAndIsPermanentRedirect(int code, bool redirect, bool permanent)
    {
        foreach (bool async in new[] { false, true })
        {
            var response = await Get(async, $"code={code}&location=/elsewhere");
            Assert.That(response.StatusCode, Is.EqualTo(code));
            Assert.That(response.IsRedirect, Is.EqualTo(redirect), $"IsRedirect for {code}");
            Assert.That(response.IsPermanentRedirect, Is.EqualTo(permanent), $"IsPermanentRedirect for {code}");
            Assert.That(response.History, Is.Empty);
        }
    }

    [Test]
    public async Task RedirectWithoutLocationIsNotARedirect([Values] bool async)
    {
        var response = await Get(async, "code=301");

        Assert.That(response.IsRedirect, Is.False);
        Assert.That(response.IsPermanentRedirect, Is.False);
    }

    [Test]
    public async Task NextIsTheRedirectNotFollowed([Values] bool async)
    {
        var response = await Get(async, "code=302&location=/elsewhere");

        Assert.That(response.Next, Is.Not.Null);
        Assert.That(response.Next!.Url, Is.EqualTo(_server.Url("/elsewhere")));
        Assert.That(response.Next.Method, Is.EqualTo("GET"));
    }

    [Test]
    public async Task RaiseForStatusOn404HasRequestsMessage([Values] bool async)
    {
        var response = await Get(async, "code=404");
        string url = _server.Url("/status?code=404");

        var e = Assert.Throws<HttpStatusException>(() => response.RaiseForStatus())!;

        Assert.That(e.Message, Is.EqualTo($"404 Client Error: Not Found for url: {url}"));
        Assert.That(e.Response, Is.SameAs(response));
        Assert.That(e.Request, Is.SameAs(response.Request));
        Assert.That(e, Is.InstanceOf<RequestException>());
    }

    [Test]
    public async Task RaiseForStatusUsesTheReasonAsSent([Values] bool async)
    {
        var response = await Get(async, "code=404&reason=NOT%20FOUND");

        var e = Assert.Throws<HttpStatusException>(() => response.RaiseForStatus())!;

        Assert.That(e.Message, Is.EqualTo($"404 Client Error: NOT FOUND for url: {_server.Url("/status?code=404&reason=NOT%20FOUND")}"));
    }

    [Test]
    public async Task RaiseForStatusOn500IsServerError([Values] bool async)
    {
        var response = await Get(async, "code=500");

        var e = Assert.Throws<HttpStatusException>(() => response.RaiseForStatus())!;

        Assert.That(e.Message, Is.EqualTo($"500 Server Error: Internal Server Error for url: {_server.Url("/status?code=500")}"));
    }

    [Test]
    public async Task RaiseForStatusChains([Values] bool async)
    {
        var response = await Get(async, "code=200");

        Assert.That(response.RaiseForStatus().Text, Is.EqualTo("body"));
    }
}
