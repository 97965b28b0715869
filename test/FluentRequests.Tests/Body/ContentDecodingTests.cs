using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Body;

public class ContentDecodingTests
{
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("{\"hello\": \"wörld\", \"pad\": \"" + new string('x', 5000) + "\"}");
    private KestrelServer _server = null!;
    private string? _lastAcceptEncoding;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        _lastAcceptEncoding = ctx.Request.Headers.AcceptEncoding.ToString();
        string coding = ctx.Request.Path.Value!.Trim('/');
        byte[] body = coding switch
        {
            "gzip" => Compress(s => new GZipStream(s, CompressionLevel.Fastest)),
            "deflate" => Compress(s => new ZLibStream(s, CompressionLevel.Fastest)),
            "raw-deflate" => Compress(s => new DeflateStream(s, CompressionLevel.Fastest)),
            "br" => Compress(s => new BrotliStream(s, CompressionLevel.Fastest)),
            "corrupt" => Encoding.ASCII.GetBytes("this is not gzip at all"),
            _ => Plain,
        };
        ctx.Response.Headers.ContentEncoding = coding switch
        {
            "raw-deflate" => "deflate",
            "corrupt" => "gzip",
            "plain" => "identity",
            _ => coding,
        };
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private static byte[] Compress(Func<Stream, Stream> encoder)
    {
        var output = new MemoryStream();
        using (var e = encoder(output)) e.Write(Plain);
        return output.ToArray();
    }

    [Test]
    public async Task BodiesAreDecoded([Values("gzip", "deflate", "raw-deflate", "br", "plain")] string coding, [Values] bool async)
    {
        string url = _server.Url("/" + coding);
        var response = await Send.Either(async, () => Requests.Get(url), () => Requests.GetAsync(url));

        Assert.That(response.Content, Is.EqualTo(Plain));
        Assert.That(response.Json().GetProperty("hello").GetString(), Is.EqualTo("wörld"));
    }

    [Test]
    public async Task ContentEncodingHeaderIsKeptAsSent()
    {
        var response = await Requests.GetAsync(_server.Url("/gzip"));
        Assert.That(response.Headers["Content-Encoding"], Is.EqualTo("gzip"));
        Assert.That(response.Headers["Content-Length"], Is.Not.EqualTo(Plain.Length.ToString()), "the encoded length, as sent");
    }

    [Test]
    public async Task StreamedContentIsDecodedAndRawIsNot([Values] bool async)
    {
        string url = _server.Url("/gzip");
        using (var streamed = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true)))
        {
            var chunks = streamed.IterContent(1000).ToList();
            Assert.That(chunks.SelectMany(c => c).ToArray(), Is.EqualTo(Plain));
            Assert.That(chunks.All(c => c.Length <= 1000), Is.True);
        }

        using var raw = await Send.Either(async, () => Requests.Get(url, stream: true), () => Requests.GetAsync(url, stream: true));
        using var copy = new MemoryStream();
        raw.Raw.CopyTo(copy);
        Assert.That(copy.ToArray().Take(2), Is.EqualTo(new byte[] { 0x1F, 0x8B }), "gzip magic: Raw is undecoded");
        using var gunzip = new GZipStream(new MemoryStream(copy.ToArray()), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        gunzip.CopyTo(decoded);
        Assert.That(decoded.ToArray(), Is.EqualTo(Plain));
    }

    [Test]
    public async Task CorruptBodyRaisesContentDecoding([Values] bool async)
    {
        string url = _server.Url("/corrupt");
        var e = await Send.Throws<ContentDecodingException>(async, () => Requests.Get(url), () => Requests.GetAsync(url));
        Assert.That(e.Message, Does.Contain(url));
    }

    [Test]
    public async Task AcceptEncodingGoesOutExactlyAsSet()
    {
        await Requests.GetAsync(_server.Url("/plain"));
        Assert.That(_lastAcceptEncoding, Is.EqualTo("gzip, deflate, br"));

        await Requests.GetAsync(_server.Url("/plain"), headers: new { Accept_Encoding = "identity" });
        Assert.That(_lastAcceptEncoding, Is.EqualTo("identity"));

        await Requests.GetAsync(_server.Url("/plain"), headers: new Dictionary<string, string?> { ["Accept-Encoding"] = null });
        Assert.That(_lastAcceptEncoding, Is.Empty);
    }
}
