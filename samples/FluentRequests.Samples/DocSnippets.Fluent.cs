// The C# snippets of docs/fluent.md and docs/coming-from-requests.md, compiled with the sample (not run by it).
namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // fluent.md: Immutability
    public static void FluentImmutable()
    {
        using var session = new Session { BaseUrl = "https://api.example.com" };
        RequestBuilder users = session.Url("users").WithBearerToken("t0k3n").WithTimeout(5);

        Response page1 = users.WithParam("page", 1).Get();  // users itself is unchanged ...
        Response page2 = users.WithParam("page", 2).Get();  // ... so it is a reusable, thread-safe template
        Response ada = users.AppendPathSegment("ada lovelace").Get();  // /users/ada%20lovelace
    }

    // fluent.md: Every modifier
    public static void FluentModifiers()
    {
        using var session = new Session();
        var retry = new RetryPolicy { MaxRetries = 2 };
        var builder = session.Url("https://httpbin.org/anything")
            .WithHeader("Accept", "application/json")
            .WithHeaders(new { X_Trace = "1", X_Tenant = "acme" })
            .WithParam("q", "x")
            .WithParams(new { page = 2, tag = new[] { "a", "b" } })
            .WithCookie("session", "abc")
            .WithCookies(new Dictionary<string, string> { ["theme"] = "dark" })
            .WithBasicAuth("user", "pass")          // or WithDigestAuth, WithBearerToken, WithAuth(Auth)
            .WithTimeout((3.05, 27))
            .WithAllowRedirects(false)
            .WithMaxRedirects(5)
            .WithProxies(new Dictionary<string, string> { ["https"] = "http://proxy.local:3128" })
            .WithVerify("/etc/ssl/certs/internal-ca.pem")
            .WithCert(("client.pem", "client.key"))
            .WithStream()
            .WithRetry(retry)
            .AppendPathSegments("orders", 42);
        Console.WriteLine(builder.Url);  // https://httpbin.org/anything/orders/42
    }

    // fluent.md: Every sender
    public static async Task FluentSenders()
    {
        using var session = new Session();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        CancellationToken ct = cts.Token;
        RequestBuilder b = session.Url("https://httpbin.org/anything");
        var files = new Files { { "upload", ("notes.txt", "file contents", "text/plain") } };

        Response r;
        r = b.Get();
        r = b.Head();
        r = b.Options();
        r = b.Delete();
        r = b.Post(new { form = "field" });        // any data shape; b.Post() sends no body
        r = b.Put("raw text");
        r = b.Patch(new byte[] { 1, 2, 3 });
        r = b.PostJson(new { name = "Ada" });
        r = b.PutJson(new { name = "Ada" });
        r = b.PatchJson(new { name = "Ada" });
        r = b.PostForm(new { user = "ada", remember = true });
        r = b.PostMultipart(files, data: new { comment = "hi" });
        r = b.Send("PROPFIND");
        r = b.Send("REPORT", json: new { depth = 1 });
        HttpbinEcho? echo = b.GetJson<HttpbinEcho>();

        r = await b.GetAsync(ct);
        r = await b.PostJsonAsync(new { name = "Ada" }, ct);
        echo = await b.GetJsonAsync<HttpbinEcho>(cancellationToken: ct);

        // With a source-generated contract (JsonSerializerContext): no reflection, for trimmed and Native AOT apps.
        r = b.PostJson(new Todo(1, "ship it", false), AppJson.Default.Todo);
        List<Todo>? todos = b.GetJson(AppJson.Default.ListTodo);
    }

    // fluent.md: Without a session
    public static void FluentWithoutSession()
    {
        var r = Requests.Url("https://httpbin.org/get").WithParam("q", "x").Get();  // a throwaway session per send
    }

    // coming-from-requests.md: Side by side
    public static void ComingFromRequestsSideBySide()
    {
        // r = requests.get(url, params={"q": "x"}, headers={"X-Trace": "1"}, timeout=(3.05, 27), allow_redirects=False)
        var r = Requests.Get("https://httpbin.org/get", @params: new { q = "x" }, headers: new { X_Trace = "1" }, timeout: (3.05, 27), allowRedirects: false);

        // with requests.Session() as s: s.auth = ("user", "pass"); s.verify = "/etc/ssl/certs/ca-certificates.crt"; s.post(url, json={"a": 1})
        using var s = new Session { Auth = ("user", "pass"), Verify = "/etc/ssl/certs/ca-certificates.crt" };  // a CA bundle that exists
        s.Post("https://httpbin.org/post", json: new { a = 1 });

        // s.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5, status_forcelist=[503])))
        s.Retry = new RetryPolicy { MaxRetries = 3, BackoffBase = TimeSpan.FromSeconds(0.5), StatusCodes = new HashSet<int> { 503 } };
    }
}
