// The C# snippets of README.md and docs/quickstart.md, compiled with the sample (not run by it: they
// use public URLs). Keep each method's body and the doc's code block in step.
using System.Text.Json;

namespace FluentRequests.Samples;

/// <summary>The docs' code, compiled. Each method is one code block of a doc page.</summary>
public static partial class DocSnippets
{
    /// <summary>The answer of httpbin's /get, as the docs deserialize it.</summary>
    public sealed record HttpbinEcho(Dictionary<string, string> Args, Dictionary<string, string> Headers, string Url);

    // README.md: Requests-style calls
    public static void ReadmeRequests()
    {
        var r = Requests.Get("https://httpbin.org/get", @params: new { q = "dotnet" });
        Console.WriteLine(r.StatusCode);                 // 200
        Console.WriteLine(r.Headers["content-type"]);    // application/json
        JsonElement args = r.Json().GetProperty("args"); // {"q": "dotnet"}

        var created = Requests.Post("https://httpbin.org/post", json: new { name = "Ada" });
        created.RaiseForStatus();                        // HttpStatusException on 4xx/5xx
    }

    // README.md: a Session
    public static void ReadmeSession()
    {
        using var session = new Session { BaseUrl = "https://httpbin.org" };
        session.Headers["X-Client"] = "docs";            // sent with every request
        session.Auth = ("user", "pass");                 // Basic auth, as auth=("user", "pass")

        session.Get("/cookies/set", @params: new { token = "abc" });
        Console.WriteLine(session.Cookies["token"]);     // abc: kept and sent back from now on
    }

    // README.md: a fluent chain
    public static void ReadmeFluent(Session session)
    {
        Response posted = session.Url("/post")
            .WithHeaders(new { X_Trace = "1" })          // X_Trace becomes the X-Trace header
            .WithParam("q", "x")
            .PostJson(new { name = "Ada" });

        HttpbinEcho? echo = session.Url("/get").WithParam("id", 42).GetJson<HttpbinEcho>();
    }

    // quickstart.md: Make a request
    public static void QuickstartVerbs()
    {
        var r = Requests.Get("https://api.github.com/events");
        r = Requests.Post("https://httpbin.org/post", data: new { key = "value" });
        r = Requests.Put("https://httpbin.org/put", data: new { key = "value" });
        r = Requests.Delete("https://httpbin.org/delete");
        r = Requests.Head("https://httpbin.org/get");
        r = Requests.Options("https://httpbin.org/get");
        r = Requests.Patch("https://httpbin.org/patch", data: new { key = "value" });
        r = Requests.Request("PROPFIND", "https://example.com/dav/");
    }

    // quickstart.md: Passing parameters in URLs
    public static void QuickstartParams()
    {
        var r = Requests.Get("https://httpbin.org/get", @params: new { key1 = "value1", key2 = "value2" });
        Console.WriteLine(r.Url);  // https://httpbin.org/get?key1=value1&key2=value2

        // A sequence repeats the key; a null value is dropped.
        r = Requests.Get("https://httpbin.org/get", @params: new { key1 = "value1", key2 = new[] { "value2", "value3" }, key3 = (string?)null });
        Console.WriteLine(r.Url);  // https://httpbin.org/get?key1=value1&key2=value2&key2=value3

        // Dictionaries, pairs and a raw query string work too.
        r = Requests.Get("https://httpbin.org/get", @params: new Dictionary<string, object?> { ["page"] = 2 });
        r = Requests.Get("https://httpbin.org/get", @params: new[] { ("tag", "a"), ("tag", "b") });
        r = Requests.Get("https://httpbin.org/get", @params: "raw=1&already=encoded");
    }

    // quickstart.md: Response content
    public static void QuickstartContent()
    {
        var r = Requests.Get("https://api.github.com/events");
        string text = r.Text;          // decoded with r.Encoding, else r.ApparentEncoding
        string? charset = r.Encoding;  // from Content-Type; settable before reading Text
        r.Encoding = "ISO-8859-1";
        byte[] bytes = r.Content;      // the body, already decompressed
        JsonElement json = r.Json();   // JsonDecodeException if the body is not JSON
        List<GitHubEvent>? events = r.Json<List<GitHubEvent>>();  // case-insensitive names
        List<Todo>? todos = r.Json(AppJson.Default.ListTodo);     // a source-generated contract: trimming- and AOT-safe
    }

    /// <summary>A GitHub event, as <see cref="QuickstartContent"/> deserializes it.</summary>
    public sealed record GitHubEvent(string Id, string Type);

    // quickstart.md: Custom headers, and More complicated POST requests
    public static void QuickstartBodies()
    {
        var r = Requests.Get("https://httpbin.org/headers", headers: new { User_Agent = "my-app/0.0.1" });

        r = Requests.Post("https://httpbin.org/post", data: new { key1 = "value1", key2 = "value2" });  // form
        r = Requests.Post("https://httpbin.org/post", data: new[] { ("key1", "value1"), ("key1", "value2") });
        r = Requests.Post("https://httpbin.org/post", json: new { some = "data" });                     // JSON
        r = Requests.Post("https://httpbin.org/post", data: "raw text, sent as UTF-8");
        using (var upload = File.OpenRead("report.csv"))
        {
            r = Requests.Post("https://httpbin.org/post", data: upload);  // streamed, Content-Length from the file
        }
    }

    // quickstart.md: POST a multipart-encoded file
    public static void QuickstartFiles()
    {
        var files = new Files
        {
            { "report", FileField.FromPath("report.xls", "application/vnd.ms-excel") },  // streamed from disk
            { "notes", ("notes.txt", "some,data,to,send\n", "text/plain") },
            { "notes", ("more.txt", "a second part with the same name\n") },         // names may repeat
        };
        var r = Requests.Post("https://httpbin.org/post", files: files, data: new { comment = "fields go first" });

        // The indexer form is an object initializer; C# does not allow mixing it with the { name, field } form.
        var single = new Files { ["avatar"] = File.OpenRead("me.png") };
    }

    // quickstart.md: Status codes, headers, cookies
    public static void QuickstartStatusHeadersCookies()
    {
        var r = Requests.Get("https://httpbin.org/status/404");
        Console.WriteLine($"{r.StatusCode} {r.Reason} ok={r.Ok}");  // 404 NOT FOUND ok=False
        try
        {
            r.RaiseForStatus();
        }
        catch (HttpStatusException e)
        {
            Console.WriteLine(e.Message);  // 404 Client Error: NOT FOUND for url: https://httpbin.org/status/404
        }

        r = Requests.Get("https://httpbin.org/get");
        Console.WriteLine(r.Headers["Content-Type"]);  // names are case-insensitive
        Console.WriteLine(r.Headers["content-type"]);

        r = Requests.Get("https://httpbin.org/cookies", cookies: new { cookies_are = "working" });
        var jar = new CookieJar();
        jar.Set("tasty_cookie", "yum", domain: "httpbin.org", path: "/cookies");
        r = Requests.Get("https://httpbin.org/cookies", cookies: jar);
        string? fromServer = Requests.Get("https://httpbin.org/cookies/set/flavour/oat", allowRedirects: false).Cookies["flavour"];
    }

    // quickstart.md: Redirection and history
    public static void QuickstartRedirects()
    {
        var r = Requests.Get("http://github.com/");
        Console.WriteLine(r.Url);                      // https://github.com/
        Console.WriteLine(r.History[0].StatusCode);    // 301

        r = Requests.Get("http://github.com/", allowRedirects: false);
        Console.WriteLine(r.IsRedirect);               // True
        Console.WriteLine(r.Next?.Url);                // the request a redirect would send

        r = Requests.Head("http://github.com/", allowRedirects: true);  // HEAD does not follow unless asked
    }

    // quickstart.md: Timeouts
    public static void QuickstartTimeouts()
    {
        Requests.Get("https://github.com/", timeout: 0.5);              // 0.5 s to connect and per read
        Requests.Get("https://github.com/", timeout: (3.05, 27));       // (connect, read), as Requests
        Requests.Get("https://github.com/", timeout: TimeSpan.FromSeconds(5));
        Requests.Get("https://github.com/", timeout: new RequestTimeout(
            connect: TimeSpan.FromSeconds(3), read: TimeSpan.FromSeconds(30), total: TimeSpan.FromMinutes(2)));
        Requests.Get("https://github.com/", timeout: RequestTimeout.Infinite);  // wait forever: opt in explicitly
    }

    // quickstart.md: Streaming
    public static void QuickstartStreaming()
    {
        using var r = Requests.Get("https://httpbin.org/stream/20", stream: true);  // dispose a streamed response
        foreach (string line in r.IterLines())
        {
            Console.WriteLine(line);
        }

        using var download = Requests.Get("https://httpbin.org/bytes/1048576", stream: true);
        download.SaveTo("bytes.bin");  // decoded, never half-written; progress and CopyTo: see uploads-and-downloads.md
    }

    // quickstart.md: Async
    public static async Task QuickstartAsync(CancellationToken cancellationToken)
    {
        var r = await Requests.GetAsync("https://httpbin.org/get", cancellationToken: cancellationToken);

        await using var session = new Session();
        var pages = await Task.WhenAll(
            session.GetAsync("https://httpbin.org/get", @params: new { page = 1 }, cancellationToken: cancellationToken),
            session.GetAsync("https://httpbin.org/get", @params: new { page = 2 }, cancellationToken: cancellationToken));

        using var streamed = await session.GetAsync("https://httpbin.org/stream/5", stream: true, cancellationToken: cancellationToken);
        await foreach (string line in streamed.IterLinesAsync(cancellationToken: cancellationToken))
        {
            Console.WriteLine(line);
        }
    }
}
