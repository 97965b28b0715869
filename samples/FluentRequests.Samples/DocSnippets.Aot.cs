// The C# snippets of docs/aot.md, compiled with the sample (not run by it). samples/FluentRequests.AotSample runs
// the same calls as a Native AOT binary.
using System.Text.Json.Serialization;

namespace FluentRequests.Samples;

/// <summary>docs/aot.md's types: a body and the source-generated context that serializes it.</summary>
public sealed record Todo(int Id, string Title, bool Done);

/// <summary>docs/aot.md's JsonSerializerContext.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Todo))]
[JsonSerializable(typeof(List<Todo>))]
public sealed partial class AppJson : JsonSerializerContext;

public static partial class DocSnippets
{
    // aot.md: Params, data, headers and cookies
    public static void AotPairs()
    {
        var r = Requests.Get("https://httpbin.org/get", @params: new Dictionary<string, string> { ["q"] = "aot" });
        r = Requests.Get("https://httpbin.org/get", @params: new[] { ("tag", "a"), ("tag", "b") }, headers: new[] { ("X-Trace", "1") });
        r = Requests.Get("https://httpbin.org/get", @params: NameValues.Of(new { page = 2, tag = "fast" }));
        r = Requests.Post("https://httpbin.org/post", data: NameValues.Of(new { user = "ada" }), headers: NameValues.Of(new { X_Api_Key = "k" }));
    }

    // aot.md: JSON
    public static async Task AotJson(CancellationToken ct)
    {
        var todo = new Todo(1, "ship it", false);

        // Sending: the session's options carry the context, so json: needs nothing more ...
        using var session = new Session { JsonOptions = AppJson.Default.Options };
        var r = session.Post("https://httpbin.org/post", json: todo);

        // ... or the value carries its contract, with any session or none.
        r = Requests.Post("https://httpbin.org/post", json: JsonBody.Create(todo, AppJson.Default.Todo));
        r = Requests.Url("https://httpbin.org/post").PostJson(todo, AppJson.Default.Todo);

        // Reading: pass the contract.
        List<Todo>? todos = Requests.Get("https://example.com/todos").Json(AppJson.Default.ListTodo);
        todos = Requests.Url("https://example.com/todos").GetJson(AppJson.Default.ListTodo);
        todos = await session.Url("https://example.com/todos").GetJsonAsync(AppJson.Default.ListTodo, ct);
    }
}
