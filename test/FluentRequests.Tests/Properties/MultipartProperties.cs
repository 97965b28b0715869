using System.Text;
using CsCheck;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// Multipart encoding (<see cref="MultipartBody"/>): any body built from form fields and files parses back with ASP.NET
/// Core's <see cref="MultipartReader"/> to the same parts, in order, with the same names, filenames and bytes.
/// </summary>
public class MultipartProperties
{
    private sealed record Part(string Name, string? FileName, byte[] Content, string? ContentType);

    /// <summary>
    /// Names and filenames: any text without a backslash. A backslash is sent as is (the WHATWG rule that browsers, urllib3
    /// and Requests follow), which a quoted-string parser such as ASP.NET's reads as an escape; see <see cref="ABackslashInAFileNameIsSentAsIs"/>.
    /// </summary>
    private static readonly Gen<string> PartName = Gens.Text(1, 10).Select(s => s.Replace("\\", "/"));

    private static readonly Gen<Part> Field = Gen.Select(PartName, Gen.Byte.Array[0, 40], (n, b) => new Part(n, null, b, null));

    private static readonly Gen<Part> FilePart = Gen.Select(PartName, PartName, Gen.Byte.Array[0, 200],
        Gen.OneOf<string?>(null, "text/plain", "application/octet-stream"),
        (n, f, b, t) => new Part(n, f, b, t));

    /// <summary>What the name becomes on the wire and so in any parser: LF, CR and '"' percent-encoded (WHATWG HTML).</summary>
    private static string WhatwgEscaped(string value) => value.Replace("\n", "%0A").Replace("\r", "%0D").Replace("\"", "%22");

    [Test]
    public void MultipartBodiesParseBackWithAspNetCoresMultipartReader()
    {
        Gen.Select(Field.Array[0, 4], FilePart.Array[0, 4], Gen.Bool, (f, p, s) => (f, p, s)).Sample((fields, files, asStreams) =>
        {
            var data = fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Content)).ToList();
            var fileSet = new Files();
            foreach (var file in files)
            {
                object source = asStreams ? new MemoryStream(file.Content) : file.Content;
                fileSet.Add(file.Name, new FileField(file.FileName, source, file.ContentType));
            }
            var body = new MultipartBody(fileSet, data, "b0undary" + Guid.NewGuid().ToString("N"));
            using var content = body.CreateContent();
            byte[] wire = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            Assert.That(body.Length, Is.EqualTo(wire.Length), "Content-Length matches the bytes written");

            var expected = fields.Concat(files).ToList();
            var reader = new MultipartReader(body.Boundary, new MemoryStream(wire));
            var parsed = new List<Part>();
            while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
            {
                var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
                using var bytes = new MemoryStream();
                section.Body.CopyTo(bytes);
                string? fileName = disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).ToString() : null;
                parsed.Add(new Part(HeaderUtilities.RemoveQuotes(disposition.Name).ToString(), fileName, bytes.ToArray(), section.ContentType));
            }
            Assert.That(parsed, Has.Count.EqualTo(expected.Count));
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.That(parsed[i].Name, Is.EqualTo(WhatwgEscaped(expected[i].Name)), $"part {i} name");
                Assert.That(parsed[i].FileName, Is.EqualTo(expected[i].FileName is { } f ? WhatwgEscaped(f) : null), $"part {i} filename");
                Assert.That(parsed[i].Content, Is.EqualTo(expected[i].Content), $"part {i} content");
                Assert.That(parsed[i].ContentType, Is.EqualTo(expected[i].ContentType), $"part {i} content type");
            }
        }, iter: Gens.FewIter);
    }

    [Test]
    public void AnyPartHeaderIsWrittenOrThrowsInvalidHeaderException()
    {
        Gen.Select(Gens.AnyString, Gens.AnyString, Gens.AnyString, (n, v, t) => (n, v, t)).Sample((name, value, contentType) =>
        {
            var files = new Files { { "f", new FileField("f.txt", new byte[] { 1 }, contentType, new Dictionary<string, string> { [name] = value }) } };
            try
            {
                var body = new MultipartBody(files, null, "b");
                Assert.That(body.Length, Is.GreaterThan(0));
            }
            catch (InvalidHeaderException)
            {
                // A part header is validated as a request header is.
            }
        }, iter: Gens.Iter);
    }

    [Test]
    public void ABackslashInAFileNameIsSentAsIs()
    {
        // urllib3 (and so Requests) and browsers leave '\' alone; only LF, CR and '"' are percent-encoded.
        var files = new Files { { "f", new FileField("C:\\dir\\a.txt", new byte[] { 1 }) } };
        var body = new MultipartBody(files, null, "b");
        using var content = body.CreateContent();
        string wire = Encoding.UTF8.GetString(content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
        Assert.That(wire, Does.Contain("filename=\"C:\\dir\\a.txt\""));
    }
}
