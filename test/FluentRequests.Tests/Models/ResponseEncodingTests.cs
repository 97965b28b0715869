using System.Text;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Models;

/// <summary>Encoding (from Content-Type, settable), ApparentEncoding (bounded detection), Content and Text.</summary>
public class ResponseEncodingTests
{
    private static readonly byte[] Utf8Body = Encoding.UTF8.GetBytes("naïve café — ☕");
    private static readonly byte[] AsciiBody = Encoding.ASCII.GetBytes("plain old ascii");
    private static readonly byte[] Latin1Body = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x92, 0x6F, 0x6B]; // "café ’ok" in windows-1252; invalid UTF-8
    private static readonly byte[] BigBody = BuildBig();

    private static readonly Dictionary<string, byte[]> Bodies = new()
    {
        ["utf8"] = Utf8Body,
        ["ascii"] = AsciiBody,
        ["latin1"] = Latin1Body,
        ["big"] = BigBody,
        ["empty"] = [],
    };

    private KestrelServer _server = null!;

    private static byte[] BuildBig()
    {
        // 5 MB of UTF-8: ASCII with a multi-byte character every 1000 bytes.
        var sb = new StringBuilder(5 * 1024 * 1024);
        while (sb.Length < 5 * 1024 * 1024) sb.Append(new string('x', 998)).Append('é');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary><c>/?b=name[&amp;ct=content-type]</c>: that body, with that Content-Type or none.</summary>
    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        if (ctx.Request.Query["ct"].ToString() is { Length: > 0 } ct) ctx.Response.Headers.ContentType = ct;
        var body = Bodies[ctx.Request.Query["b"].ToString()];
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<Response> Get(bool async, string body, string? contentType)
    {
        string url = _server.Url("/?b=" + body + (contentType is null ? "" : "&ct=" + Uri.EscapeDataString(contentType)));
        return Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));
    }

    [TestCase("text/html; charset=utf-8", "utf-8")]
    [TestCase("text/html; charset=\"UTF-16\"", "UTF-16")]
    [TestCase("application/xml; charset='windows-1252'", "windows-1252")]
    [TestCase("text/plain", "ISO-8859-1")]
    [TestCase("text/csv", "ISO-8859-1")]
    [TestCase("application/json", "utf-8")]
    [TestCase("application/octet-stream", null)]
    [TestCase("image/png", null)]
    [TestCase(null, null)]
    public async Task EncodingComesFromContentType(string? contentType, string? expected)
    {
        foreach (bool async in new[] { false, true })
        {
            var response = await Get(async, "ascii", contentType);
            Assert.That(response.Encoding, Is.EqualTo(expected), $"Content-Type: {contentType ?? "(none)"}");
        }
    }

    [Test]
    public async Task TextWithoutCharsetIsDecodedAsLatin1AsRequestsDoes([Values] bool async)
    {
        var response = await Get(async, "utf8", "text/plain");

        Assert.That(response.Text, Is.EqualTo(Encoding.Latin1.GetString(Utf8Body)));
    }

    [Test]
    public async Task SettingEncodingChangesText([Values] bool async)
    {
        var response = await Get(async, "utf8", "text/plain");
        string before = response.Text;

        response.Encoding = "utf-8";

        Assert.That(response.Encoding, Is.EqualTo("utf-8"));
        Assert.That(response.Text, Is.EqualTo("naïve café — ☕"));
        Assert.That(response.Text, Is.Not.EqualTo(before));
        Assert.That(response.Content, Is.EqualTo(Utf8Body), "Content does not change");
    }

    [Test]
    public async Task SettingEncodingToNullFallsBackToApparentEncoding([Values] bool async)
    {
        var response = await Get(async, "utf8", "text/plain");

        response.Encoding = null;

        Assert.That(response.Text, Is.EqualTo("naïve café — ☕"));
    }

    [TestCase("utf8", "utf-8")]
    [TestCase("ascii", "ascii")]
    [TestCase("latin1", "windows-1252")]
    public async Task ApparentEncodingIsGuessedFromTheBytes(string body, string expected)
    {
        foreach (bool async in new[] { false, true })
        {
            var response = await Get(async, body, "application/octet-stream");
            Assert.That(response.ApparentEncoding, Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task TextUsesApparentEncodingWhenNoneIsDeclared([Values] bool async)
    {
        var utf8 = await Get(async, "utf8", null);
        var latin1 = await Get(async, "latin1", null);

        Assert.That(utf8.Encoding, Is.Null);
        Assert.That(utf8.Text, Is.EqualTo("naïve café — ☕"));
        Assert.That(latin1.Text, Is.EqualTo("café ’ok"));
    }

    [Test]
    public async Task FiveMegabyteBodyIsDetectedAndDecoded([Values] bool async)
    {
        var response = await Get(async, "big", null);

        Assert.That(response.Content, Has.Length.EqualTo(BigBody.Length));
        Assert.That(response.ApparentEncoding, Is.EqualTo("utf-8"));
        Assert.That(response.Text, Is.EqualTo(Encoding.UTF8.GetString(BigBody)));
    }

    [Test]
    public async Task ContentIsTheRawBytes([Values] bool async)
    {
        var response = await Get(async, "latin1", "text/plain; charset=windows-1252");

        Assert.That(response.Content, Is.EqualTo(Latin1Body));
        Assert.That(response.Text, Is.EqualTo("café ’ok"));
    }

    [Test]
    public async Task EmptyBodyGivesEmptyContentAndText([Values] bool async)
    {
        var response = await Get(async, "empty", "text/plain; charset=utf-8");

        Assert.That(response.Content, Is.Empty);
        Assert.That(response.Text, Is.Empty);
    }
}
