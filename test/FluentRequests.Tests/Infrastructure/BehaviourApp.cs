using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// One Kestrel app with a route per behaviour the core must keep on any transport and protocol: it names the protocol it
/// was reached over, redirects, fails once, sets and echoes cookies, checks Digest, stalls, compresses, sends a large body,
/// and aborts mid-body. Used by the fixtures that run the same behaviour over caller handlers and over HTTP/2.
/// </summary>
public sealed class BehaviourApp
{
    public const string DigestUser = "Mufasa";
    public const string DigestPassword = "Circle of Life";
    private const string Realm = "behaviour";
    private const string Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    private readonly ConcurrentDictionary<string, int> _hits = new();

    /// <summary>The protocols requests arrived over ("HTTP/1.1", "HTTP/2"), in arrival order.</summary>
    public ConcurrentQueue<string> Protocols { get; } = new();

    public async Task HandleAsync(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value!;
        Protocols.Enqueue(ctx.Request.Protocol);
        var aborted = ctx.RequestAborted;
        switch (path)
        {
            case "/proto":
                await ctx.Response.WriteAsync(ctx.Request.Protocol, aborted);
                return;
            case "/redirect":
                // ?to=<url>: one hop there.
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = ctx.Request.Query["to"].ToString();
                return;
            case "/set-cookie":
                ctx.Response.Headers.Append("Set-Cookie", "flavour=oat; Path=/");
                await ctx.Response.WriteAsync("set", aborted);
                return;
            case "/echo-cookie":
                await ctx.Response.WriteAsync(ctx.Request.Headers.Cookie.ToString(), aborted);
                return;
            case "/digest":
                await DigestAsync(ctx);
                return;
            case "/stall-headers":
                await Task.Delay(Timeout.Infinite, aborted);
                return;
            case "/stall-body":
                ctx.Response.ContentLength = 1000;
                await ctx.Response.Body.WriteAsync(new byte[100], aborted);
                await ctx.Response.Body.FlushAsync(aborted);
                await Task.Delay(Timeout.Infinite, aborted);
                return;
            case "/abort-mid-body":
                ctx.Response.ContentLength = 100_000;
                await ctx.Response.Body.WriteAsync(new byte[10_000], aborted);
                await ctx.Response.Body.FlushAsync(aborted);
                await Task.Delay(50, aborted);
                ctx.Abort();
                return;
            case "/gzip":
                ctx.Response.Headers.ContentEncoding = "gzip";
                await ctx.Response.Body.WriteAsync(Gzip("decoded " + new string('z', 5000)), aborted);
                return;
            case "/big":
                await ctx.Response.Body.WriteAsync(new byte[1_000_000], aborted);
                return;
            case "/slow":
                await Task.Delay(200, aborted);
                await ctx.Response.WriteAsync(ctx.Request.Protocol, aborted);
                return;
        }
        if (path.StartsWith("/flaky/", StringComparison.Ordinal))
        {
            // Fails the first time each id is asked for.
            int hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            ctx.Response.StatusCode = hit == 1 ? 503 : 200;
            await ctx.Response.WriteAsync($"attempt {hit}", aborted);
            return;
        }
        ctx.Response.StatusCode = 404;
    }

    /// <summary>How many times the server saw <paramref name="path"/> (the /flaky/ routes).</summary>
    public int Hits(string path) => _hits.TryGetValue(path, out int n) ? n : 0;

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    private static async Task DigestAsync(HttpContext ctx)
    {
        string authorization = ctx.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Digest ", StringComparison.Ordinal))
        {
            var f = Regex.Matches(authorization, "(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))")
                .ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
            string ha1 = Md5($"{DigestUser}:{Realm}:{DigestPassword}");
            string ha2 = Md5($"{ctx.Request.Method}:{f.GetValueOrDefault("uri")}");
            string expected = Md5($"{ha1}:{Nonce}:{f.GetValueOrDefault("nc")}:{f.GetValueOrDefault("cnonce")}:auth:{ha2}");
            if (f.GetValueOrDefault("username") == DigestUser && f.GetValueOrDefault("response") == expected)
            {
                await ctx.Response.WriteAsync("digest ok");
                return;
            }
        }
        ctx.Response.StatusCode = 401;
        ctx.Response.Headers.WWWAuthenticate = $"Digest realm=\"{Realm}\", nonce=\"{Nonce}\", qop=\"auth\", algorithm=MD5";
    }

    private static string Md5(string value) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value)));
}
