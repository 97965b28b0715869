// The C# snippets of docs/sessions.md and docs/exceptions.md, compiled with the sample (not run by it).
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // sessions.md: Settings and merging
    public static void SessionsMerge()
    {
        using var session = new Session();
        session.Headers["X-Api-Version"] = "2";
        session.Params["api_key"] = "k";
        session.Auth = Auth.Bearer("token");

        // Sends X-Api-Version: 2 and X-Request: 7, ?api_key=k&page=3, and Authorization: Basic …
        session.Get("https://httpbin.org/get", @params: new { page = 3 }, headers: new { X_Request = "7" }, auth: ("user", "pass"));

        // A null value removes a session setting for this request only.
        session.Get("https://httpbin.org/get",
            headers: new Dictionary<string, string?> { ["X-Api-Version"] = null },
            @params: new Dictionary<string, object?> { ["api_key"] = null });
    }

    // sessions.md: Base URL
    public static void SessionsBaseUrl()
    {
        using var api = new Session { BaseUrl = "https://api.example.com/v1" };
        api.Get("users");                          // https://api.example.com/v1/users
        api.Get("/users");                         // the same: a leading '/' does not reset the path
        api.Get("users/42?fields=name");           // https://api.example.com/v1/users/42?fields=name
        api.Get("https://status.example.com/");    // absolute: BaseUrl is not used
        api.Get("search", @params: new { next = "https://x.example/" });  // keep "://" out of the relative URL
    }

    // sessions.md: Cookies
    public static void SessionsCookies()
    {
        using var session = new Session();
        session.Cookies["theme"] = "dark";                              // sent to every host
        session.Cookies.Set("sid", "s3cr3t", domain: "example.com", path: "/app");
        session.Get("https://example.com/app/login");                   // Set-Cookie is stored in session.Cookies
        session.Get("https://example.com/app/", cookies: new { once = "1" });  // this request only

        Dictionary<string, string> all = session.Cookies.ToDictionary();
        session.Cookies.Remove("theme");
    }

    // sessions.md: Cookies (what a cookie may hold)
    public static void SessionsCookieValues()
    {
        using var session = new Session();
        session.Cookies["pref"] = "a b,c";                         // sent as pref=a b,c
        session.Get("https://httpbin.org/cookies", cookies: new { q = "\"quoted\"" });   // q="quoted"; the server reads quoted
        try
        {
            session.Cookies["bad"] = "x\r\nX-Injected: 1";
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(e.Message);   // Invalid value for cookie 'bad': it contains a carriage return (CR) at position 1. …
        }
    }

    // sessions.md: Hooks
    public static void SessionsHooks()
    {
        using var session = new Session();
        session.Hooks.Add((Response r) => Console.WriteLine($"{r.Request.Method} {r.Url} -> {r.StatusCode} in {r.Elapsed.TotalMilliseconds:0} ms"));
        session.Hooks.Add((Response r) => { r.RaiseForStatus(); });          // throw on 4xx/5xx for every call
        session.Get("https://httpbin.org/redirect/2");                        // the hooks see all three responses
    }

    // sessions.md: JSON options
    public static void SessionsJson()
    {
        using var session = new Session
        {
            JsonOptions = new JsonSerializerOptions(Session.DefaultJsonOptions)
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            },
        };
        session.Post("https://httpbin.org/post", json: new { FirstName = "Ada", Nickname = (string?)null });  // {"first_name":"Ada"}

        var r = session.Get("https://httpbin.org/get");
        var echo = r.Json<HttpbinEcho>(new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true });
    }

    // sessions.md: Sharing a session between threads
    public static async Task SessionsThreads()
    {
        var session = new Session { BaseUrl = "https://httpbin.org", Timeout = 5 };  // configure first ...
        session.Headers["X-Client"] = "worker";

        await Parallel.ForEachAsync(Enumerable.Range(1, 100), async (i, ct) =>    // ... then share
        {
            using var r = await session.GetAsync("/get", @params: new { i }, cancellationToken: ct);
        });
        session.Dispose();
    }

    // sessions.md: Prepared requests
    public static void SessionsPrepared()
    {
        using var session = new Session();
        var prepared = session.Prepare(new Request("POST", "https://httpbin.org/post") { Json = new { a = 1 } });
        prepared.Headers["X-Signature"] = "computed-from-the-body";
        Console.WriteLine(prepared.PathUrl);  // /post
        var r = session.Send(prepared, timeout: 10);
    }

    // exceptions.md: Catching
    public static void ExceptionsCatching()
    {
        try
        {
            var r = Requests.Get("https://httpbin.org/delay/5", timeout: 1).RaiseForStatus();
        }
        catch (HttpStatusException e)
        {
            Console.WriteLine($"server said {e.Response?.StatusCode}");
        }
        catch (RequestTimeoutException e)   // ConnectTimeoutException, ReadTimeoutException, or the total deadline
        {
            Console.WriteLine($"too slow: {e.Message}");
        }
        catch (ConnectionException e)       // DNS, refused, reset, TLS (SslException), proxy (ProxyException)
        {
            Console.WriteLine($"no connection: {e.Message}");
        }
        catch (RequestException e)          // anything else from the tree
        {
            Console.WriteLine($"{e.GetType().Name}: {e.Message} (url: {e.Request?.Url})");
        }
    }

    // exceptions.md: JSON errors
    public static void ExceptionsJson()
    {
        try
        {
            Requests.Get("https://httpbin.org/html").Json();
        }
        catch (JsonDecodeException e)
        {
            Console.WriteLine($"line {e.LineNumber}, byte {e.BytePositionInLine}: {e.Message}");
        }
    }

    // sessions.md: Over your own handler
    public static void SessionsOverYourOwnHandler()
    {
        var sockets = new SocketsHttpHandler
        {
            // Let the session do what Requests does: follow redirects, keep cookies, decode bodies.
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var session = new Session(new LoggingHandler(sockets));     // a DelegatingHandler chain
        var r = session.Get("https://httpbin.org/get");                   // through LoggingHandler, then SocketsHttpHandler

        // The session disposes the handler only when told to (as HttpClient(handler, disposeHandler)).
        using var owning = new Session(new SocketsHttpHandler(), disposeHandler: true);
    }

    /// <summary>A pipeline step of the kind an IHttpClientFactory pipeline holds.</summary>
    private sealed class LoggingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Console.WriteLine($"-> {request.Method} {request.RequestUri}");
            return base.Send(request, cancellationToken);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Console.WriteLine($"-> {request.Method} {request.RequestUri}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
