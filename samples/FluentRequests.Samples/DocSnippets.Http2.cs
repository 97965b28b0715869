// The C# snippets of docs/http2.md, compiled with the sample (not run by it).
using System.Net;

namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // http2.md: the settings
    public static async Task Http2Versions()
    {
        using var session = new Session { HttpVersion = HttpVersion.Version20 };
        var r = await session.GetAsync("https://example.com/");           // HTTP/2 if the server offers it, else HTTP/1.1

        // h2c: HTTP/2 without TLS needs prior knowledge, so the exact version.
        using var h2c = new Session { HttpVersion = HttpVersion.Version20, HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        await h2c.GetAsync("http://localhost:5000/");

        // One call, or one builder, on HTTP/2 from an HTTP/1.1 session.
        using var plain = new Session();
        await plain.GetAsync("https://example.com/", httpVersion: HttpVersion.Version20);
        await plain.Url("https://example.com/").WithHttpVersion(HttpVersion.Version20).GetAsync();
    }

    // http2.md: Synchronous calls
    public static async Task Http2Sync()
    {
        using var session = new Session { HttpVersion = HttpVersion.Version20 };
        session.Get("https://example.com/");                                   // HTTP/1.1: sync under OrLower
        await session.GetAsync("https://example.com/");                        // HTTP/2

        session.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        try
        {
            session.Get("https://example.com/");
        }
        catch (NotSupportedException e)                                        // "… use GetAsync (or the …Async form of this call) …"
        {
            Console.WriteLine(e.Message);
        }
    }
}
