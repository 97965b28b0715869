using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;

namespace FluentRequests.Samples;

/// <summary>
/// A tiny httpbin-like app on Kestrel, 127.0.0.1 port 0, so the sample runs offline. Its routes answer
/// the way https://httpbin.org does for the parts the sample uses, so either can be the target.
/// </summary>
public sealed class EmbeddedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<EmbeddedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        app.MapMethods("/get", ["GET", "HEAD"], (HttpContext ctx) => Results.Json(new
        {
            args = Args(ctx.Request),
            headers = Headers(ctx.Request),
            url = ctx.Request.GetDisplayUrl(),
        }));
        foreach (var verb in new[] { "POST", "PUT", "PATCH", "DELETE" })
        {
            app.MapMethods("/" + verb.ToLowerInvariant(), [verb], (Func<HttpContext, Task<IResult>>)EchoBodyAsync);
        }
        app.MapMethods("/{**path}", ["OPTIONS"], (HttpContext ctx) =>
        {
            ctx.Response.Headers.Allow = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";
            return Results.Ok();
        });
        app.MapGet("/headers", (HttpContext ctx) => Results.Json(new { headers = Headers(ctx.Request) }));
        app.MapGet("/cookies", (HttpContext ctx) => Results.Json(new
        {
            cookies = ctx.Request.Cookies.ToDictionary(c => c.Key, c => c.Value),
        }));
        // As httpbin: every query parameter becomes a cookie, then a 302 to /cookies.
        app.MapGet("/cookies/set", (HttpContext ctx) =>
        {
            foreach (var (name, value) in ctx.Request.Query)
            {
                ctx.Response.Cookies.Append(name, value.ToString(), new CookieOptions { Path = "/" });
            }
            return Results.Redirect("/cookies");
        });
        app.MapGet("/redirect/{n:int}", (int n) => Results.Redirect(n > 1 ? $"/redirect/{n - 1}" : "/get"));
        // As httpbin: n random bytes (seeded), with a Content-Length; sent in pieces so a progress bar moves.
        app.MapGet("/bytes/{n:int}", async (HttpContext ctx, int n, int? seed) =>
        {
            var bytes = new byte[n];
            new Random(seed ?? 0).NextBytes(bytes);
            ctx.Response.ContentType = "application/octet-stream";
            ctx.Response.ContentLength = n;
            for (int i = 0; i < n; i += 8 * 1024)
            {
                await ctx.Response.Body.WriteAsync(bytes.AsMemory(i, Math.Min(8 * 1024, n - i)));
                await ctx.Response.Body.FlushAsync();
            }
        });
        // As httpbin: a gzip-encoded JSON document saying so.
        app.MapGet("/gzip", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/json";
            ctx.Response.Headers.ContentEncoding = "gzip";
            var json = JsonSerializer.SerializeToUtf8Bytes(new { gzipped = true, headers = Headers(ctx.Request), method = ctx.Request.Method });
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(json);
            await ctx.Response.Body.WriteAsync(buffer.ToArray());
        });
        app.MapMethods("/status/{code:int}", ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], (int code) => Results.StatusCode(code));

        await app.StartAsync();
        return new EmbeddedServer(app, app.Urls.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<IResult> EchoBodyAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        object? form = null;
        object? files = null;
        if (request.HasFormContentType)
        {
            var read = await request.ReadFormAsync();
            form = read.ToDictionary(f => f.Key, f => OneOrMany(f.Value));
            var uploaded = new Dictionary<string, string>();
            foreach (var file in read.Files)
            {
                using var text = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                uploaded[file.Name] = await text.ReadToEndAsync();
            }
            files = uploaded;
        }
        string data = "";
        JsonElement? json = null;
        if (form is null)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            data = await reader.ReadToEndAsync();
            if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && data.Length > 0)
            {
                using var document = JsonDocument.Parse(data);
                json = document.RootElement.Clone();
            }
        }
        return Results.Json(new
        {
            method = request.Method,
            args = Args(request),
            headers = Headers(request),
            data,
            json,
            form = form ?? new Dictionary<string, object>(),
            files = files ?? new Dictionary<string, string>(),
            url = request.GetDisplayUrl(),
        });
    }

    // httpbin shows a parameter given once as a string and a repeated one as a list.
    private static Dictionary<string, object> Args(HttpRequest request)
        => request.Query.ToDictionary(q => q.Key, q => OneOrMany(q.Value));

    private static object OneOrMany(Microsoft.Extensions.Primitives.StringValues values)
        => values.Count == 1 ? values[0]! : values.ToArray();

    private static Dictionary<string, string> Headers(HttpRequest request)
        => request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
