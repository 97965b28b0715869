using System.Text;
using CsCheck;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// Charset rules (<see cref="EncodingDetector"/>): any Content-Type and any bytes give an encoding without throwing; a
/// declared charset is read as .NET's MediaTypeHeaderValue reads it; UTF-8 text is detected as UTF-8 (or ASCII) and
/// decodes back to itself.
/// </summary>
public class CharsetProperties
{
    [Test]
    public void AnyContentTypeAndBytesDecodeWithoutThrowing()
    {
        var contentType = Gen.Frequency((1, (IGen<string>)Gens.AnyString),
            (2, Gen.Select(Gen.OneOf("text/html", "application/json", "x/y", ""), Gens.AnyString, (m, p) => m + "; charset=" + p)));
        Gen.Select(contentType, Gen.Byte.Array[0, 64], (c, b) => (c, b)).Sample((type, bytes) =>
        {
            string? declared = EncodingDetector.FromHeaders(type);
            string text = EncodingDetector.Decode(bytes, declared ?? EncodingDetector.Detect(bytes));
            Assert.That(text, Is.Not.Null);
        }, iter: Gens.Iter);
    }

    private static readonly Gen<string> Charset = Gen.OneOf("utf-8", "UTF-8", "iso-8859-1", "windows-1252", "utf-16", "koi8-r", "shift_jis", "x-unknown");

    [Test]
    public void DeclaredCharsetIsReadAsMediaTypeHeaderValueReadsIt()
    {
        Gen.Select(Gen.OneOf("text/html", "application/json", "application/xml", "text/plain"), Charset, Gen.Bool,
                Gen.OneOf("", "; q=1", "; boundary=x"), (m, c, q, extra) => (m, c, q, extra))
            .Sample((media, charset, quoted, extra) =>
            {
                string header = $"{media}{extra}; charset={(quoted ? "\"" + charset + "\"" : charset)}";
                var parsed = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(header);
                Assert.That(EncodingDetector.FromHeaders(header), Is.EqualTo(parsed.CharSet!.Trim('"')), header);
            }, iter: Gens.Iter);
    }

    [Test]
    public void Utf8TextIsDetectedAndDecodesBackToItself()
    {
        Gens.Text(0, 40).Sample(text =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            string detected = EncodingDetector.Detect(bytes);
            Assert.That(detected, Is.EqualTo(Ascii.IsValid(text) ? "ascii" : "utf-8"), text);
            Assert.That(EncodingDetector.Decode(bytes, detected), Is.EqualTo(text));
        }, iter: Gens.Iter);
    }

    [Test]
    public void Utf8TextCutByTheProbeIsStillUtf8()
    {
        var prefixes = Gen.Int[EncodingDetector.ProbeBytes - 8, EncodingDetector.ProbeBytes + 8];
        Gen.Select(prefixes, Gen.OneOf("é", "€", "😀"), (n, c) => (n, c)).Sample((prefix, character) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(new string('a', prefix) + string.Concat(Enumerable.Repeat(character, 8)));
            Assert.That(EncodingDetector.Detect(bytes), Is.EqualTo(prefix >= EncodingDetector.ProbeBytes ? "ascii" : "utf-8"));
        }, iter: 60);
    }
}
