using System.Text.Json;

namespace FluentRequests.Samples;

/// <summary>The steps of the sample, each printing what it did and checking what it got back.</summary>
public static class Tour
{
    public static async Task RunAsync(string b)
    {
        Console.WriteLine($"Default timeout: {RequestTimeout.Default}");
        SevenMethods(b);
        SessionWithCookiesAndHeaders(b);
        Redirects(b);
        Errors(b);
        await Downloads(b);
        await AsyncCalls(b);
    }

    /// <summary>Requests' seven top-level functions, one throwaway session each (connections are still pooled).</summary>
    private static void SevenMethods(string b)
    {
        Section("The seven methods");

        var get = Requests.Get($"{b}/get", @params: new { q = "fluent requests", tag = new[] { "a", "b" } });
        Console.WriteLine($"GET     {get} {get.Reason}  {get.Url}");
        var args = get.Json().GetProperty("args");
        Check(args.GetProperty("q").GetString() == "fluent requests", "GET echoes q");
        Check(args.GetProperty("tag").GetArrayLength() == 2, "a sequence value repeats the key");

        var post = Requests.Post($"{b}/post", data: new { name = "Ada", lang = "C#" });
        Console.WriteLine($"POST    {post}  form={Compact(post.Json().GetProperty("form"))}");
        Check(post.Json().GetProperty("form").GetProperty("name").GetString() == "Ada", "POST form-encodes data");

        var put = Requests.Put($"{b}/put", json: new { id = 7, tags = new[] { "x", "y" } });
        Console.WriteLine($"PUT     {put}  json={Compact(put.Json().GetProperty("json"))}  sent {put.Request.Headers["Content-Type"]}");
        Check(put.Json().GetProperty("json").GetProperty("id").GetInt32() == 7, "PUT sends JSON");

        var patch = Requests.Patch($"{b}/patch", data: "plain text body", headers: new { Content_Type = "text/plain" });
        Console.WriteLine($"PATCH   {patch}  data={patch.Json().GetProperty("data").GetString()}");
        Check(patch.Json().GetProperty("data").GetString() == "plain text body", "PATCH sends a string body");

        var delete = Requests.Delete($"{b}/delete", @params: new { id = 7 });
        Console.WriteLine($"DELETE  {delete}  Content-Length sent: {delete.Request.Headers["Content-Length"]}");
        Check(delete.Ok, "DELETE succeeds");

        var head = Requests.Head($"{b}/get");
        Console.WriteLine($"HEAD    {head}  Content-Type={head.Headers["Content-Type"]}, body bytes={head.Content.Length}");
        Check(head.StatusCode == 200 && head.Content.Length == 0, "HEAD has no body");

        var options = Requests.Options($"{b}/get");
        Console.WriteLine($"OPTIONS {options}  Allow={options.Headers["Allow"]}");
        Check(options.Ok, "OPTIONS succeeds");
    }

    /// <summary>A Session keeps cookies, default headers and a base URL; the fluent builder rides on it.</summary>
    private static void SessionWithCookiesAndHeaders(string b)
    {
        Section("Session: cookies, default headers, base URL, fluent chain");
        using var session = new Session { BaseUrl = b };
        session.Headers["X-Client"] = "FluentRequests.Samples";

        // /cookies/set answers 302 with Set-Cookie; the cookie lands in the session's jar on the way.
        var set = session.Get("/cookies/set", @params: new { flavour = "oatmeal" });
        Console.WriteLine($"cookies/set -> {set} after {set.History.Count} redirect(s); jar: flavour={session.Cookies["flavour"]}");
        var cookies = session.Get("/cookies").Json().GetProperty("cookies");
        Console.WriteLine($"cookies     -> the server saw {Compact(cookies)}");
        Check(cookies.GetProperty("flavour").GetString() == "oatmeal", "the session re-sends its cookie");

        var headers = session.Get("/headers").Json().GetProperty("headers");
        Console.WriteLine($"headers     -> X-Client={Header(headers, "X-Client")}, User-Agent={Header(headers, "User-Agent")}");
        Check(Header(headers, "X-Client") == "FluentRequests.Samples", "session headers are sent");

        // The fluent chain: an immutable builder; the request's headers and params merge over the session's.
        var posted = session.Url("/post").WithHeaders(new { X_Trace = "1" }).WithParam("q", "x").PostJson(new { name = "Ada" });
        var echo = posted.Json();
        Console.WriteLine($"fluent POST -> {posted}  json={Compact(echo.GetProperty("json"))} args={Compact(echo.GetProperty("args"))} " +
                          $"X-Trace={Header(echo.GetProperty("headers"), "X-Trace")}");
        Check(echo.GetProperty("json").GetProperty("name").GetString() == "Ada", "PostJson sends the body");
        Check(Header(echo.GetProperty("headers"), "X-Trace") == "1", "X_Trace becomes the X-Trace header");

        // GetJson<T>: send, raise for a 4xx/5xx status, deserialize (case-insensitive names by default).
        var typed = session.Url("/get").WithParam("id", 42).GetJson<EchoedGet>();
        Console.WriteLine($"GetJson<T>  -> args.id={typed?.Args["id"]}, url={typed?.Url}");
        Check(typed?.Args["id"] == "42", "GetJson<T> deserializes");

        // Builders are immutable: a configured one is a reusable template.
        var page = session.Url("/get").WithHeader("Accept", "application/json");
        var first = page.WithParam("page", 1).Get();
        var second = page.WithParam("page", 2).Get();
        Console.WriteLine($"template    -> {first.Url} and {second.Url}");
        Check(first.Url != second.Url && !page.Url.Contains("page", StringComparison.Ordinal), "builders do not change in place");
    }

    private static void Redirects(string b)
    {
        Section("Redirects and History");
        var followed = Requests.Get($"{b}/redirect/3");
        foreach (var hop in followed.History)
        {
            Console.WriteLine($"  {hop.StatusCode} {hop.Url} -> {hop.Headers["Location"]}");
        }
        Console.WriteLine($"  final {followed.StatusCode} {followed.Url} after {followed.History.Count} hops");
        Check(followed.History.Count == 3 && followed.StatusCode == 200, "three hops are followed");

        var notFollowed = Requests.Get($"{b}/redirect/1", allowRedirects: false);
        Console.WriteLine($"  allowRedirects: false -> {notFollowed}, IsRedirect={notFollowed.IsRedirect}, Next={notFollowed.Next?.Url}");
        Check(notFollowed.IsRedirect && notFollowed.Next is not null, "Next is the request a redirect would send");
    }

    private static void Errors(string b)
    {
        Section("Errors");
        var missing = Requests.Get($"{b}/status/404");
        Console.WriteLine($"  {missing} Ok={missing.Ok}");
        try
        {
            missing.RaiseForStatus();
            Check(false, "RaiseForStatus throws for 404");
        }
        catch (HttpStatusException e)
        {
            Console.WriteLine($"  HttpStatusException: {e.Message} (Response.StatusCode={e.Response?.StatusCode})");
            Check(e.Response?.StatusCode == 404, "the exception carries the response");
        }

        try
        {
            Requests.Get("localhost:8080/x");
            Check(false, "a URL without a scheme is rejected");
        }
        catch (MissingSchemaException e)
        {
            Console.WriteLine($"  MissingSchemaException: {e.Message}");
        }
    }

    /// <summary>SaveTo with a console progress bar; the file appears only once complete, decoded as sent.</summary>
    private static async Task Downloads(string b)
    {
        Section("Downloads");
        string folder = Directory.CreateTempSubdirectory("fluentrequests-sample-").FullName;
        try
        {
            string path = Path.Combine(folder, "random.bin");
            using (var download = Requests.Get($"{b}/bytes/102400", @params: new { seed = 7 }, stream: true))
            {
                var bar = new ConsoleProgressBar("random.bin");
                long written = download.SaveTo(path, bar);
                bar.Finish();
                Check(written == 102400 && new FileInfo(path).Length == 102400, "SaveTo writes the whole body");
            }
            Check(Directory.GetFiles(folder).Length == 1, "no temporary file is left behind");

            // The body comes gzipped; SaveToAsync writes it decoded, as Content would read it.
            string json = Path.Combine(folder, "gzip.json");
            await using (var gzipped = await Requests.GetAsync($"{b}/gzip", stream: true))
            {
                Console.WriteLine($"  /gzip sent Content-Encoding: {gzipped.Headers["Content-Encoding"]}");
                var bar = new ConsoleProgressBar("gzip.json");
                await gzipped.SaveToAsync(json, bar);
                bar.Finish();
            }
            using var saved = JsonDocument.Parse(File.ReadAllBytes(json));
            Console.WriteLine($"  gzip.json -> gzipped={saved.RootElement.GetProperty("gzipped")}");
            Check(saved.RootElement.GetProperty("gzipped").GetBoolean(), "the file holds the decoded JSON");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AsyncCalls(string b)
    {
        Section("Async");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await Requests.GetAsync($"{b}/get", @params: new { mode = "async" }, cancellationToken: cts.Token);
        Console.WriteLine($"  GetAsync -> {response} args={Compact(response.Json().GetProperty("args"))}");
        Check(response.Ok, "GetAsync succeeds");

        await using var session = new Session { BaseUrl = b };
        var many = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => session.Url("/get").WithParam("n", i).GetAsync(cts.Token)));
        Console.WriteLine($"  5 concurrent sends on one session -> {string.Join(", ", many.Select(r => r.StatusCode))}");
        Check(many.All(r => r.Ok), "concurrent sends succeed");
    }

    private static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
    }

    private static void Check(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"Unexpected result: {what}");
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    // Servers differ in header-name case (httpbin title-cases them): look them up case-insensitively.
    private static string? Header(JsonElement headers, string name)
        => headers.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v
            ? v.GetString()
            : null;
}

/// <summary>The part of /get's answer the sample reads with <c>GetJson&lt;T&gt;</c>.</summary>
public sealed record EchoedGet(Dictionary<string, string> Args, Dictionary<string, string> Headers, string Url);
