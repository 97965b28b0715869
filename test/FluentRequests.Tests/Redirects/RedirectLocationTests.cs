using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FluentRequests.Tests.Redirects;

/// <summary>How a Location header becomes the next URL: scheme-relative, relative, fragments, UTF-8 bytes.</summary>
public class RedirectLocationTests : WireMockTest
{
    private void Redirect(string from, string location, int status = 302)
        => Server.Given(WmRequest.Create().WithPath(from).UsingAnyMethod())
            .RespondWith(WmResponse.Create().WithStatusCode(status).WithHeader("Location", location));

    private void Ok(string path)
        => Server.Given(WmRequest.Create().WithPath(path).UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private Task<Response> Get(string url, bool async) => Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

    [Test]
    public async Task SchemeRelativeLocationTakesThePreviousScheme([Values] bool async)
    {
        Redirect("/sr", $"//localhost:{Server.Port}/landed");
        Ok("/landed");

        var response = await Get(Url("/sr"), async);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Url, Is.EqualTo(LocalhostUrl + "/landed"));
        Assert.That(LastRequest.Path, Is.EqualTo("/landed"));
        Assert.That(LastRequest.Header("Host"), Is.EqualTo($"localhost:{Server.Port}"));
    }

    [Test]
    public async Task AbsolutePathLocationKeepsItsQuery([Values] bool async)
    {
        Redirect("/a/b", "/c/d?x=1&y=two");
        Ok("/c/d");

        var response = await Get(Url("/a/b?old=1"), async);

        Assert.That(response.Url, Is.EqualTo(Url("/c/d?x=1&y=two")));
        Assert.That(LastRequest.QueryValues("x"), Is.EqualTo(new[] { "1" }));
        Assert.That(LastRequest.QueryValues("old"), Is.Empty);
    }

    [TestCase("/dir/page", "next", "/dir/next")]
    [TestCase("/dir/sub/page", "../up", "/dir/up")]
    [TestCase("/dir/page", "./same", "/dir/same")]
    [TestCase("/dir/page", "page2?only=query", "/dir/page2?only=query")]
    public async Task RelativeLocationResolvesAgainstTheCurrentUrl(string from, string location, string expected)
    {
        Redirect(from, location);
        string expectedPath = expected.Split('?')[0];
        Ok(expectedPath);

        foreach (bool async in new[] { false, true })
        {
            var response = await Get(Url(from), async);

            Assert.That(response.StatusCode, Is.EqualTo(200), $"async={async}");
            Assert.That(response.Url, Is.EqualTo(Url(expected)));
            Assert.That(LastRequest.Path, Is.EqualTo(expectedPath));
        }
    }

    [Test]
    public async Task RelativeLocationAfterAHostChangeResolvesAgainstTheNewHost([Values] bool async)
    {
        Redirect("/first", LocalhostUrl + "/x/second");
        Redirect("/x/second", "third");
        Ok("/x/third");

        var response = await Get(Url("/first"), async);

        Assert.That(response.Url, Is.EqualTo(LocalhostUrl + "/x/third"));
        Assert.That(response.History.Select(h => h.Url), Is.EqualTo(new[] { Url("/first"), LocalhostUrl + "/x/second" }));
    }

    [Test]
    public async Task FragmentCarriesOverWhenLocationHasNone([Values] bool async)
    {
        Redirect("/frag", "/dest");
        Redirect("/dest", "/final");
        Ok("/final");

        var response = await Get(Url("/frag#section"), async);

        Assert.That(response.Url, Is.EqualTo(Url("/final#section")));
        Assert.That(response.History.Select(h => h.Url), Is.EqualTo(new[] { Url("/frag#section"), Url("/dest#section") }));
        Assert.That(Received.Select(e => e.RequestMessage.Url), Has.None.Contain("#"), "a fragment is never sent");
    }

    [Test]
    public async Task LocationsOwnFragmentWins([Values] bool async)
    {
        Redirect("/frag", "/dest#new");
        Redirect("/dest", "/final");
        Ok("/final");

        var response = await Get(Url("/frag#old"), async);

        Assert.That(response.History[1].Url, Is.EqualTo(Url("/dest#new")));
        Assert.That(response.Url, Is.EqualTo(Url("/final#new")), "the newest fragment carries on");
    }

    [Test]
    public async Task RedirectToAnFtpUrlRaisesInvalidSchema([Values] bool async)
    {
        // The Location goes through the same scheme check as a URL the caller gives: Requests' InvalidSchema, never
        // the transport's NotSupportedException for a scheme it cannot send.
        Redirect("/to-ftp", "ftp://host/x");

        var e = await Send.Throws<InvalidSchemaException>(async, () => Requests.Get(Url("/to-ftp")), () => Requests.GetAsync(Url("/to-ftp")));

        Assert.That(e.Message, Does.Contain("ftp://host/x"));
        Assert.That(Received, Has.Count.EqualTo(1), "nothing was sent after the redirect");
    }

    [Test]
    public async Task LocationWithUtf8BytesIsRedecoded([Values] bool async)
    {
        string? rawTarget = null;
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            if (ctx.Request.Path == "/start")
            {
                ctx.Response.StatusCode = 302;
                // "/café" as UTF-8 bytes, written through a Latin-1 header encoding: the bytes C3 A9 go on the wire.
                ctx.Response.Headers.Location = "/caf\u00C3\u00A9";
                return;
            }
            rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            await ctx.Response.WriteAsync("arrived");
        }, options => options.ResponseHeaderEncodingSelector = _ => Encoding.Latin1);

        var response = await Get(server.Url("/start"), async);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("arrived"));
        Assert.That(rawTarget, Is.EqualTo("/caf%C3%A9"));
        Assert.That(response.Url, Is.EqualTo(server.Url("/caf%C3%A9")));
    }

    [Test]
    public async Task LocationWithPercentEscapesIsNotDoubleEncoded([Values] bool async)
    {
        string? rawTarget = null;
        await using var server = await KestrelServer.StartAsync(async ctx =>
        {
            if (ctx.Request.Path == "/start")
            {
                ctx.Response.StatusCode = 301;
                ctx.Response.Headers.Location = "/a%20b/c d";
                return;
            }
            rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
            await ctx.Response.WriteAsync("ok");
        });

        var response = await Get(server.Url("/start"), async);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(rawTarget, Is.EqualTo("/a%20b/c%20d"));
    }
}
