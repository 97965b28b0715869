// FluentRequests under Native AOT. With no argument it starts a raw-socket server on 127.0.0.1 and runs each step
// against it; with a URL argument (an httpbin) it targets that instead. Exits 0 when every step behaved, 1 otherwise.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FluentRequests;
using FluentRequests.AotSample;

var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
// PublishAot makes even a JIT run (dotnet run) behave as the native binary will: no dynamic code, no reflection-based
// JSON, no anonymous-object reflection. "native" is that behaviour; the label says which runtime actually runs.
bool native = !RuntimeFeature.IsDynamicCodeSupported;
string runtime = RuntimeFeature.IsDynamicCodeCompiled ? "JIT" : "Native AOT";
int passed = 0, failures = 0;
void Check(bool ok, string step)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {step}");
    if (ok) passed++;
    else failures++;
}

await using var server = new MiniServer(EmbeddedRoutes.Handle);
string baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : server.BaseUrl;
Console.WriteLine($"FluentRequests sample ({runtime}) against {baseUrl}");

try
{
    // 1. A GET with params from a dictionary and headers from (name, value) tuples: no reflection anywhere.
    var r = Requests.Get(baseUrl + "/get",
        @params: new Dictionary<string, string> { ["q"] = "aot" }, headers: new[] { ("X-Sample", "native") });
    Console.WriteLine($"first response after {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms (process start to response)");
    var echo = r.Json(AppJson.Default.Echo)!;
    Check(r.StatusCode == 200 && echo.Args["q"] == "aot" && echo.Headers["X-Sample"] == "native", "GET with dictionary params and tuple headers");

    // 2. Anonymous objects through NameValues.Of: the compiler names the type, so the trimmer keeps its properties.
    r = Requests.Get(baseUrl + "/get", @params: NameValues.Of(new { page = 2, tag = "fast" }), headers: NameValues.Of(new { X_Trace_Id = "t-1" }));
    echo = r.Json(AppJson.Default.Echo)!;
    Check(echo.Args["page"] == "2" && echo.Args["tag"] == "fast" && echo.Headers["X-Trace-Id"] == "t-1", "GET with NameValues.Of(anonymous object)");

    // 3. A bare anonymous object is read by reflection: fine in a JIT app, switched off (with a clear error) in an AOT one.
    if (native)
    {
        var error = Catch<ArgumentException>(() => Requests.Get(baseUrl + "/get", @params: new { q = 1 }));
        Check(error?.Message.Contains("NameValues.Of", StringComparison.Ordinal) == true, "bare anonymous object: ArgumentException naming NameValues.Of");
    }
    else
    {
        echo = Requests.Get(baseUrl + "/get", @params: new { q = 1 }).Json(AppJson.Default.Echo)!;
        Check(echo.Args["q"] == "1", "bare anonymous object (JIT: read by reflection)");
    }

    // 4. A JSON POST through a session whose options carry the source-generated context.
    var todo = new Todo(1, "ship it natively", false);
    using var session = new Session { JsonOptions = new JsonSerializerOptions { TypeInfoResolver = AppJson.Default } };
    r = session.Post(baseUrl + "/post", json: todo);
    echo = r.Json(AppJson.Default.Echo)!;
    Check(JsonSerializer.Deserialize(echo.Data, AppJson.Default.Todo) == todo && echo.Headers["Content-Type"] == "application/json",
        "POST json: with Session.JsonOptions.TypeInfoResolver = a JsonSerializerContext");

    // 5. The same without a session: the body carries its contract; and the fluent shortcut.
    echo = Requests.Post(baseUrl + "/post", json: JsonBody.Create(todo, AppJson.Default.Todo)).Json(AppJson.Default.Echo)!;
    Check(JsonSerializer.Deserialize(echo.Data, AppJson.Default.Todo) == todo, "POST json: JsonBody.Create(value, typeInfo)");
    echo = Requests.Url(baseUrl + "/post").PostJson(todo with { Done = true }, AppJson.Default.Todo).Json(AppJson.Default.Echo)!;
    Check(JsonSerializer.Deserialize(echo.Data, AppJson.Default.Todo)!.Done, "RequestBuilder.PostJson(value, typeInfo)");

    // 6. json: with no contract for the type: reflection serializes it in a JIT app; an AOT one says what to add.
    if (native)
    {
        var error = Catch<InvalidJsonException>(() => Requests.Post(baseUrl + "/post", json: todo));
        Check(error?.Message.Contains("JsonSerializerContext", StringComparison.Ordinal) == true,
            "json: without a contract: InvalidJsonException naming the fix");
    }

    // 7. Session cookies across a redirect: /cookies/set sets one and answers 302 to /cookies.
    r = session.Get(baseUrl + "/cookies/set", @params: new Dictionary<string, string> { ["flavor"] = "oat" });
    echo = r.Json(AppJson.Default.Echo)!;
    Check(r.History.Count == 1 && r.Url.EndsWith("/cookies", StringComparison.Ordinal) && echo.Cookies.GetValueOrDefault("flavor") == "oat"
        && session.Cookies.Get("flavor") == "oat", "session: cookie set, redirect followed, cookie sent back and kept");
}
catch (Exception e)
{
    Console.Error.WriteLine($"Sample failed: {e}");
    Console.WriteLine($"aot sample: {passed} passed, {failures + 1} failed");
    return 1;
}

// CI reads this line into its test counts.
Console.WriteLine($"aot sample: {passed} passed, {failures} failed");
return failures == 0 ? 0 : 1;

static T? Catch<T>(Action action) where T : Exception
{
    try
    {
        action();
        return null;
    }
    catch (T e)
    {
        return e;
    }
}

/// <summary>The embedded server's httpbin-like routes.</summary>
internal static class EmbeddedRoutes
{
    public static MiniResponse Handle(MiniRequest request) => request.Path switch
    {
        "/get" or "/post" => Json(new Echo
        {
            Method = request.Method,
            Args = request.Query,
            Headers = request.Headers,
            Data = Encoding.UTF8.GetString(request.Body),
        }),
        "/cookies/set" => new MiniResponse(302, "text/plain", [],
            [.. request.Query.Select(q => ("Set-Cookie", $"{q.Key}={q.Value}; Path=/")), ("Location", "/cookies")]),
        "/cookies" => Json(new Echo { Cookies = ParseCookies(request.Headers.GetValueOrDefault("Cookie")) }),
        _ => new MiniResponse(404, "text/plain", "not found"u8.ToArray()),
    };

    private static MiniResponse Json(Echo echo) => new(200, "application/json", JsonSerializer.SerializeToUtf8Bytes(echo, AppJson.Default.Echo));

    private static Dictionary<string, string> ParseCookies(string? header)
        => (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split('=', 2))
            .ToDictionary(c => c[0], c => c.Length > 1 ? c[1] : "");
}
