using System.IO.Compression;
using System.Text;

namespace FluentRequests.Tests.Body;

/// <summary>
/// The decoders under every body, cut at every byte: the whole stream decodes, an empty body is empty, and every
/// other prefix throws <see cref="InvalidDataException"/> (mapped to <see cref="ContentDecodingException"/>), whatever
/// size the pieces arrive in. A gzip body cut exactly between two members is a whole gzip body, and decodes.
/// The wire tests (TruncatedEncodingTests) take each read path; this takes every cut.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class DecoderEndTests
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40).Select(i => $"line {i}, wörld {i * i}\n")));
    private static readonly byte[] Noise = RandomBytes(600);
    private static readonly int[] Pieces = [1, 7, 1000];

    public static IEnumerable<TestCaseData> Streams()
    {
        foreach (var (name, data) in new[] { ("empty", Array.Empty<byte>()), ("one byte", "a"u8.ToArray()), ("text", Text), ("noise", Noise) })
        {
            yield return Case("gzip", "gzip", data, name, s => new GZipStream(s, CompressionLevel.Optimal));
            yield return Case("deflate", "zlib", data, name, s => new ZLibStream(s, CompressionLevel.Optimal));
            yield return Case("deflate", "raw deflate", data, name, s => new DeflateStream(s, CompressionLevel.Optimal));
            yield return Case("deflate", "stored deflate", data, name, s => new DeflateStream(s, CompressionLevel.NoCompression));
            yield return Case("br", "br", data, name, s => new BrotliStream(s, CompressionLevel.Optimal));
        }
    }

    private static TestCaseData Case(string coding, string format, byte[] data, string name, Func<Stream, Stream> encoder)
        => new TestCaseData(coding, data, Encode(data, encoder)).SetArgDisplayNames(format, name);

    [TestCaseSource(nameof(Streams))]
    public async Task EveryCutShortStreamThrowsAndTheWholeOneDecodes(string coding, byte[] plain, byte[] encoded)
    {
        foreach (int piece in Pieces)
        {
            foreach (bool async in new[] { false, true })
            {
                Assert.That(await DecodeAsync(coding, encoded, encoded.Length, piece, async), Is.EqualTo(plain), $"whole, pieces of {piece}, async {async}");
                Assert.That(await DecodeAsync(coding, encoded, 0, piece, async), Is.Empty, "an empty body");
            }
        }
        for (int cut = 1; cut < encoded.Length; cut++)
        {
            // Each cut once, the piece sizes and sync/async taking turns: every cut, at a bearable cost.
            int piece = Pieces[cut % Pieces.Length];
            bool async = cut / Pieces.Length % 2 == 1;
            var e = await Throws(coding, encoded, cut, piece, async);
            Assert.That(e?.Message, Does.Contain($"the {coding} stream ended before its end-of-stream marker"),
                $"cut at {cut} of {encoded.Length}, pieces of {piece}, async {async}");
        }
    }

    [Test]
    public async Task GzipMembersBackToBackDecodeInFullAndACutInsideTheSecondThrows([Values(1, 1000)] int piece, [Values] bool async)
    {
        byte[] first = Encode(Text, s => new GZipStream(s, CompressionLevel.Optimal));
        byte[] second = Encode(Noise, s => new GZipStream(s, CompressionLevel.Fastest));
        byte[] both = [.. first, .. second];

        Assert.That(await DecodeAsync("gzip", both, both.Length, piece, async), Is.EqualTo(Text.Concat(Noise)));
        Assert.That(await DecodeAsync("gzip", both, first.Length, piece, async), Is.EqualTo(Text), "cut between the members: one whole member");
        for (int cut = first.Length + 1; cut < both.Length; cut++)
        {
            var e = await Throws("gzip", both, cut, piece, async);
            Assert.That(e, Is.Not.Null, $"cut at {cut} of {both.Length}, inside the second member");
        }
    }

    [Test]
    public async Task GzipTrailerMissingNamesTheTrailer([Values(1, 4, 8)] int missing, [Values] bool async)
    {
        byte[] encoded = Encode(Text, s => new GZipStream(s, CompressionLevel.Optimal));

        var e = await Throws("gzip", encoded, encoded.Length - missing, 1000, async);

        Assert.That(e?.Message, Does.Contain("the gzip stream ended before its end-of-stream marker and trailer (CRC32 and ISIZE)"));
    }

    [Test]
    public async Task BytesAfterAFinishedStreamAreIgnoredAsBefore([Values("gzip", "deflate", "br")] string coding, [Values] bool async)
    {
        Func<Stream, Stream> encoder = coding switch
        {
            "gzip" => s => new GZipStream(s, CompressionLevel.Optimal),
            "deflate" => s => new ZLibStream(s, CompressionLevel.Optimal),
            _ => s => new BrotliStream(s, CompressionLevel.Optimal),
        };
        byte[] padded = [.. Encode(Text, encoder), .. "trailing junk"u8];

        Assert.That(await DecodeAsync(coding, padded, padded.Length, 1000, async), Is.EqualTo(Text));
    }

    private static async Task<InvalidDataException?> Throws(string coding, byte[] encoded, int length, int piece, bool async)
    {
        try
        {
            byte[] decoded = await DecodeAsync(coding, encoded, length, piece, async);
            Assert.Fail($"{coding} cut at {length} of {encoded.Length} decoded to {decoded.Length} bytes with no error");
            return null;
        }
        catch (InvalidDataException e)
        {
            return e;
        }
    }

    private static async Task<byte[]> DecodeAsync(string coding, byte[] encoded, int length, int piece, bool async)
    {
        using var decoder = ContentDecoding.Decode(new Trickle(encoded.AsMemory(0, length), piece), [coding]);
        using var output = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            int n = async ? await decoder.ReadAsync(buffer) : decoder.Read(buffer);
            if (n == 0) break;
            output.Write(buffer, 0, n);
        }
        Assert.That(async ? await decoder.ReadAsync(buffer) : decoder.Read(buffer), Is.Zero, "the end stays the end");
        return output.ToArray();
    }

    private static byte[] Encode(byte[] data, Func<Stream, Stream> encoder)
    {
        var output = new MemoryStream();
        using (var e = encoder(output)) e.Write(data);
        return output.ToArray();
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(12).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The bytes in pieces of at most <paramref name="piece"/>, as a network delivers them; cannot seek.</summary>
    private sealed class Trickle(ReadOnlyMemory<byte> bytes, int piece) : Stream
    {
        private ReadOnlyMemory<byte> _left = bytes;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, piece), _left.Length);
            _left.Span[..n].CopyTo(buffer);
            _left = _left[n..];
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
