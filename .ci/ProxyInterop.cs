// Interop with a real forward proxy (tinyproxy), run by .ci/run: HTTP in absolute form and HTTPS through CONNECT to
// in-process Kestrel origins, through an open proxy and through one that demands Basic credentials, sync and async,
// with explicit and environment proxies. Prints one line per check, then "interop: N passed, N failed"; exits 1 when
// any check fails. Usage: dotnet run .ci/ProxyInterop.cs -- <open proxy URL> <proxy URL with user:password@>
#:sdk Microsoft.NET.Sdk.Web
#:project ../src/FluentRequests/FluentRequests.csproj
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentRequests;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run .ci/ProxyInterop.cs -- <open proxy URL> <proxy URL with user:password@>");
    return 2;
}
string openProxy = args[0];
string authProxy = args[1];
string authProxyWithoutCredentials = new UriBuilder(authProxy) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/');
string authProxyWrongPassword = new UriBuilder(authProxy) { Password = "wrong" }.Uri.ToString().TrimEnd('/');

var seen = new ConcurrentQueue<(string Path, string? Via, string? ProxyAuthorization)>();
RequestDelegate answer = async context =>
{
    string? Header(string name) => context.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
    seen.Enqueue((context.Request.Path, Header("Via"), Header("Proxy-Authorization")));
    await context.Response.WriteAsync("origin " + context.Request.Path);
};
await using var http = await Origin.StartAsync(answer, https: false);
await using var https = await Origin.StartAsync(answer, https: true);

int passed = 0, failed = 0;
async Task Check(string name, Func<bool, Task<string?>> body)
{
    foreach (bool async in new[] { false, true })
    {
        string label = $"{name} ({(async ? "async" : "sync")})";
        seen.Clear();
        string? problem;
        try
        {
            problem = await body(async);
        }
        catch (Exception e)
        {
            problem = $"unexpected {e.GetType().Name}: {e.Message}";
        }
        if (problem is null)
        {
            passed++;
            Console.WriteLine($"  ok    {label}");
        }
        else
        {
            failed++;
            Console.WriteLine($"  FAIL  {label}: {problem}");
        }
    }
}

static async Task<Response> Get(Session session, string url, bool async) => async ? await session.GetAsync(url) : session.Get(url);

Session Through(string proxy) => new() { Verify = false, TrustEnv = false, Proxies = { ["all"] = proxy } };

// The origin saw one request, tinyproxy's Via header on it when it was forwarded in absolute form, and never the proxy's credentials.
string? Delivered(Response response, string path, bool viaExpected)
{
    if (response.StatusCode != 200 || response.Text != "origin " + path) return $"status {response.StatusCode}, body '{response.Text}'";
    if (seen.Count != 1) return $"the origin saw {seen.Count} requests";
    var (_, via, proxyAuthorization) = seen.Single();
    if (viaExpected && via?.Contains("tinyproxy") != true) return $"no tinyproxy Via header (Via: {via ?? "none"}): not proxied?";
    if (proxyAuthorization is not null) return "the origin received Proxy-Authorization";
    return null;
}

await Check("http through an open proxy", async a =>
{
    using var s = Through(openProxy);
    return Delivered(await Get(s, http.Url("/plain"), a), "/plain", viaExpected: true);
});
await Check("https (CONNECT) through an open proxy", async a =>
{
    using var s = Through(openProxy);
    return Delivered(await Get(s, https.Url("/tunnel"), a), "/tunnel", viaExpected: false);
});
await Check("http through a proxy with the URL's credentials", async a =>
{
    using var s = Through(authProxy);
    return Delivered(await Get(s, http.Url("/plain-auth"), a), "/plain-auth", viaExpected: true);
});
await Check("https (CONNECT) through a proxy with the URL's credentials", async a =>
{
    using var s = Through(authProxy);
    return Delivered(await Get(s, https.Url("/tunnel-auth"), a), "/tunnel-auth", viaExpected: false);
});
await Check("http through a proxy without credentials is its 407", async a =>
{
    using var s = Through(authProxyWithoutCredentials);
    var response = await Get(s, http.Url("/denied"), a);
    return response.StatusCode == 407 && seen.IsEmpty ? null : $"status {response.StatusCode}, origin saw {seen.Count}";
});
foreach (var (what, proxy) in new[] { ("without credentials", authProxyWithoutCredentials), ("with a wrong password", authProxyWrongPassword) })
{
    await Check($"https through a proxy {what} is a ProxyException", async a =>
    {
        using var s = Through(proxy);
        try
        {
            await Get(s, https.Url("/denied"), a);
            return "no exception";
        }
        catch (ProxyException e)
        {
            // tinyproxy answers a missing credential with 407 and a wrong one with 401; either is in the message.
            return e.Message.Contains(https.Url("/denied")) && e.Message.Contains(proxy == authProxyWrongPassword ? "401" : "407")
                && !e.Message.Contains("wrong") ? null : "message: " + e.Message;
        }
    });
}
await Check("https_proxy and http_proxy from the environment", async a =>
{
    Environment.SetEnvironmentVariable("https_proxy", authProxy);
    Environment.SetEnvironmentVariable("http_proxy", authProxy);
    try
    {
        using var s = new Session { Verify = false };
        if (Delivered(await Get(s, http.Url("/env"), a), "/env", viaExpected: true) is { } problem) return problem;
        seen.Clear();
        return Delivered(await Get(s, https.Url("/env-tls"), a), "/env-tls", viaExpected: false);
    }
    finally
    {
        Environment.SetEnvironmentVariable("https_proxy", null);
        Environment.SetEnvironmentVariable("http_proxy", null);
    }
});
await Check("NO_PROXY exempts the origin", async a =>
{
    Environment.SetEnvironmentVariable("http_proxy", authProxyWithoutCredentials);
    Environment.SetEnvironmentVariable("no_proxy", "127.0.0.1");
    try
    {
        using var s = new Session();
        return Delivered(await Get(s, http.Url("/exempt"), a), "/exempt", viaExpected: false)
            ?? (seen.Single().Via is null ? null : "it went through the proxy");
    }
    finally
    {
        Environment.SetEnvironmentVariable("http_proxy", null);
        Environment.SetEnvironmentVariable("no_proxy", null);
    }
});

Console.WriteLine($"interop: {passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;

/// <summary>A Kestrel origin on 127.0.0.1, port 0, plain or with a throwaway self-signed certificate.</summary>
sealed class Origin : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Origin(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Url(string path) => BaseUrl + path;

    public static async Task<Origin> StartAsync(RequestDelegate handler, bool https)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (https) listen.UseHttps(SelfSigned());
        }));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new Origin(app, app.Urls.First().TrimEnd('/'));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
