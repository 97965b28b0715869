using System.Text;

namespace FluentRequests.Testing.Tests;

public sealed class RecordingTests
{
    [Test]
    public void ACallRecordsItsMethodUrlHeadersQueryCookiesAndJsonBody()
    {
        using var http = new FakeHttp();
        using var session = new Session();
        session.Headers["X-Api-Key"] = "k1";

        session.Post("https://api.example.com/users?src=test", @params: new { tag = new[] { "a", "b c" } }, json: new { name = "Ada", age = 36 },
            cookies: new { theme = "dark" });

        var call = http.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Method, Is.EqualTo("POST"));
            Assert.That(call.Url, Is.EqualTo("https://api.example.com/users?src=test&tag=a&tag=b+c"));
            Assert.That(call.Query, Is.EqualTo(new KeyValuePair<string, string>[] { new("src", "test"), new("tag", "a"), new("tag", "b c") }));
            Assert.That(call.Header("x-api-key"), Is.EqualTo("k1"));
            Assert.That(call.Header("User-Agent"), Does.StartWith("FluentRequests/"));
            Assert.That(call.Header("Content-Type"), Is.EqualTo("application/json"));
            Assert.That(call.Cookies, Is.EqualTo(new Dictionary<string, string> { ["theme"] = "dark" }));
            Assert.That(call.BodyText, Is.EqualTo("""{"name":"Ada","age":36}"""));
            Assert.That(call.Json!["age"]!.GetValue<int>(), Is.EqualTo(36));
            Assert.That(call.Index, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AFormBodyIsRecordedAsFields()
    {
        using var http = new FakeHttp();

        await Requests.PostAsync("https://x.test/form", data: new { name = "Ada Lovelace", lang = "en&fr" });

        var call = http.Calls.Single();
        Assert.That(call.Form, Is.EqualTo(new KeyValuePair<string, string>[] { new("name", "Ada Lovelace"), new("lang", "en&fr") }));
        Assert.That(call.Json, Is.Null);
    }

    [Test]
    public void AMultipartBodyIsRecordedAsPartsWithNamesFileNamesAndContent()
    {
        using var http = new FakeHttp();
        var files = new Files
        {
            { "report", ("report.csv", "a,b\n1,2", "text/csv") },
            { "image", ("pic.bin", new byte[] { 1, 2, 3 }) },
        };

        Requests.Post("https://x.test/upload", data: new { title = "Q3" }, files: files);

        var parts = http.Calls.Single().Parts;
        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => (p.Name, p.FileName)),
                Is.EqualTo(new (string?, string?)[] { ("title", null), ("report", "report.csv"), ("image", "pic.bin") }));
            Assert.That(parts[0].Text, Is.EqualTo("Q3"));
            Assert.That((parts[1].Text, parts[1].ContentType), Is.EqualTo(("a,b\n1,2", "text/csv")));
            Assert.That(parts[2].ContentBytes, Is.EqualTo(new byte[] { 1, 2, 3 }));
        });
        http.ShouldHaveCalled("https://x.test/upload").WithPart("report", "report.csv", "a,b*").WithFormField("title", "Q3").Times(1);
    }

    [Test]
    public async Task StreamedAndChunkedRequestBodiesAreRecordedWhole()
    {
        using var http = new FakeHttp();
        static async IAsyncEnumerable<byte[]> Chunks()
        {
            yield return Encoding.UTF8.GetBytes("one,");
            await Task.Yield();
            yield return Encoding.UTF8.GetBytes("two");
        }

        Requests.Put("https://x.test/s", data: new MemoryStream(Encoding.UTF8.GetBytes("from a stream")));
        await Requests.PutAsync("https://x.test/c", data: Chunks());

        Assert.That(http.Calls.Select(c => c.BodyText), Is.EqualTo(new[] { "from a stream", "one,two" }));
    }

    [Test]
    public void TheBodyTextIsDecodedWithTheRequestsCharset()
    {
        using var http = new FakeHttp();

        Requests.Post("https://x.test/", data: Encoding.Latin1.GetBytes("café"), headers: new { Content_Type = "text/plain; charset=iso-8859-1" });

        Assert.That(http.Calls.Single().BodyText, Is.EqualTo("café"));
    }
}
