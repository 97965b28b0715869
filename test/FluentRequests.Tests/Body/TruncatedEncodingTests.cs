using System.IO.Compression;
using System.Text;

namespace FluentRequests.Tests.Body;

/// <summary>
/// A compressed body is complete, or the call throws: a gzip, deflate (zlib-wrapped or raw) or br body cut short,
/// whose Content-Length or chunked framing matches the bytes sent, is a <see cref="ContentDecodingException"/>
/// naming the URL and what was missing, on every read path, sync and async, and a save leaves the target as it was.
/// Requests 2.28 and httpx 0.23 return such a body as a 200 with part of the text. (Every cut of each decoder:
/// <see cref="DecoderEndTests"/>.)
/// </summary>
[Parallelizable(ParallelScope.All)]
public class TruncatedEncodingTests
{
    private static readonly BodyRead[] DecodingReads = Enum.GetValues<BodyRead>().Where(r => r != BodyRead.Raw).ToArray();
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 6000).Select(i => $"line {i}: wörld {i * 7919 % 1000}\n")));
    private static readonly Dictionary<string, (string Header, byte[] Body)> Encoded = new()
    {
        ["gzip"] = ("gzip", Encode(s => new GZipStream(s, CompressionLevel.Fastest))),
        ["zlib"] = ("deflate", Encode(s => new ZLibStream(s, CompressionLevel.Fastest))),
        ["raw-deflate"] = ("deflate", Encode(s => new DeflateStream(s, CompressionLevel.Fastest))),
        ["br"] = ("br", Encode(s => new BrotliStream(s, CompressionLevel.Fastest))),
        ["gzip-members"] = ("gzip", [.. Encode(s => new GZipStream(s, CompressionLevel.Fastest)), .. Encode(s => new GZipStream(s, CompressionLevel.Optimal))]),
    };
    private RawHttpServer _server = null!;

    public static readonly string[] Formats = ["gzip", "zlib", "raw-deflate", "br"];

    /// <summary>Half the body, or all but its last bytes (for gzip, the 8-byte trailer: CRC32 and ISIZE).</summary>
    public static readonly string[] Cuts = ["half", "end"];

    [OneTimeSetUp]
    public void Start() => _server = new RawHttpServer(async (path, connection, token) =>
    {
        // /{format}/{framing}/{cut}: framing "length" or "chunked"; cut "half", "end" or "none".
        string[] parts = path.Trim('/').Split('/');
        var (header, body) = Encoded[parts[0]];
        int length = parts[2] switch
        {
            "half" => body.Length / 2,
            "end" => body.Length - (header == "gzip" ? 8 : 1),
            _ => body.Length,
        };
        string head = $"HTTP/1.1 200 OK\r\nContent-Encoding: {header}\r\nConnection: close\r\n";
        if (parts[1] == "length")
        {
            await RawHttpServer.WriteAsync(connection, $"{head}Content-Length: {length}\r\n\r\n", token);
            await connection.WriteAsync(body.AsMemory(0, length), token);
        }
        else
        {
            await RawHttpServer.WriteAsync(connection, $"{head}Transfer-Encoding: chunked\r\n\r\n", token);
            for (int at = 0; at < length; at += 3000)
            {
                int size = Math.Min(3000, length - at);
                await RawHttpServer.WriteAsync(connection, $"{size:x}\r\n", token);
                await connection.WriteAsync(body.AsMemory(at, size), token);
                await RawHttpServer.WriteAsync(connection, "\r\n", token);
            }
            await RawHttpServer.WriteAsync(connection, "0\r\n\r\n", token);
        }
        // The body is framed and whole as HTTP goes: the client must not wait for a close to see its end. (It may not
        // send another request on this connection either: one request per connection, hence Connection: close.)
        await Task.Delay(TimeSpan.FromSeconds(20), token);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public async Task ACutShortBodyIsAContentDecodingError(
        [ValueSource(nameof(Formats))] string format, [Values("length", "chunked")] string framing, [ValueSource(nameof(Cuts))] string cut,
        [ValueSource(nameof(DecodingReads))] BodyRead read, [Values] bool async)
    {
        string url = _server.Url($"/{format}/{framing}/{cut}");

        var e = await Send.Throws<ContentDecodingException>(async,
            () => BodyReader.Read(read, url, 5),
            () => BodyReader.ReadAsync(read, url, 5));

        string coding = Encoded[format].Header;
        Assert.That(e.Message, Does.Contain(url).And.Contain($"the {coding} stream ended before its end-of-stream marker"));
        if (coding == "gzip" && cut == "end") Assert.That(e.Message, Does.Contain("trailer (CRC32 and ISIZE)"));
        Assert.That(e.Request?.Url, Is.EqualTo(url));
    }

    [Test]
    public async Task ACutShortBodyReadAsAStreamThrows(
        [ValueSource(nameof(Formats))] string format, [ValueSource(nameof(Cuts))] string cut, [Values] bool async)
    {
        string url = _server.Url($"/{format}/length/{cut}");
        await using var response = await Streamed(url, async);
        using var body = response.ReadAsStream();

        var e = await Send.Throws<ContentDecodingException>(async, () => { body.CopyTo(Stream.Null); return null; }, () => body.CopyToAsync(Stream.Null));

        Assert.That(e.Message, Does.Contain(url).And.Contain("ended before its end-of-stream marker"));
    }

    [Test]
    public async Task RawGivesTheEncodedBytesAsSent([Values("gzip", "br")] string format, [Values] bool async)
    {
        string url = _server.Url($"/{format}/length/half");

        int received = await Send.Either(async, () => BodyReader.Read(BodyRead.Raw, url, 5), () => BodyReader.ReadAsync(BodyRead.Raw, url, 5));

        Assert.That(received, Is.EqualTo(Encoded[format].Body.Length / 2), "Raw does not decode, so it has nothing to check");
    }

    [Test]
    public async Task AWholeBodyDecodesOnEveryPath(
        [Values("gzip", "zlib", "raw-deflate", "br", "gzip-members")] string format, [Values("length", "chunked")] string framing,
        [ValueSource(nameof(DecodingReads))] BodyRead read, [Values] bool async)
    {
        string url = _server.Url($"/{format}/{framing}/none");

        int received = await Send.Either(async, () => BodyReader.Read(read, url, 5), () => BodyReader.ReadAsync(read, url, 5));

        Assert.That(received, Is.EqualTo(format == "gzip-members" ? 2 * Plain.Length : Plain.Length));
    }

    [Test]
    public async Task SavingACutShortBodyLeavesTheTargetAsItWas([Values("gzip", "br")] string format, [Values] bool async)
    {
        string url = _server.Url($"/{format}/length/end");
        string directory = Directory.CreateTempSubdirectory("fluentrequests-").FullName;
        try
        {
            string target = Path.Combine(directory, "body.txt");
            await File.WriteAllTextAsync(target, "the old content");
            await using var response = await Streamed(url, async);

            await Send.Throws<ContentDecodingException>(async, () => response.SaveTo(target), () => response.SaveToAsync(target));

            Assert.That(await File.ReadAllTextAsync(target), Is.EqualTo("the old content"));
            Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EqualTo(new[] { "body.txt" }), "no temporary file left");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<Response> Streamed(string url, bool async)
        => Send.Either(async, () => Requests.Get(url, timeout: 5, stream: true), () => Requests.GetAsync(url, timeout: 5, stream: true));

    private static byte[] Encode(Func<Stream, Stream> encoder)
    {
        var output = new MemoryStream();
        using (var e = encoder(output)) e.Write(Plain);
        return output.ToArray();
    }
}
