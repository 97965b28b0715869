using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Redirects;

/// <summary>
/// A POST with a body meets each redirect status, and the follow-up request is checked as it arrived at a Kestrel
/// server, header for header: Requests turns a 301/302/303 POST into a GET with no body and none of the body's headers
/// (not even <c>Content-Length: 0</c>), while 307/308 resend the POST with its body.
/// </summary>
public class RedirectMethodWireTests
{
    private sealed record Arrived(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly ConcurrentQueue<Arrived> _arrived = new();
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        using var reader = new StreamReader(ctx.Request.Body);
        string body = await reader.ReadToEndAsync();
        var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string path = ctx.Request.Path.Value!;
        _arrived.Enqueue(new Arrived(ctx.Request.Method, path, headers, body));
        // "/from/<status>/<case>" redirects with that status to "/to/<case>"; everything else answers.
        var parts = path.Split('/');
        if (parts.Length == 4 && parts[1] == "from")
        {
            ctx.Response.StatusCode = int.Parse(parts[2]);
            ctx.Response.Headers.Location = "/to/" + parts[3];
            return;
        }
        await ctx.Response.WriteAsync("landed");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Arrived Single(string path) => _arrived.Single(a => a.Path == path);

    /// <summary>POSTs a form to a path that redirects with <paramref name="status"/> to <c>/to/{name}</c>.</summary>
    private async Task<Response> PostThroughRedirect(int status, bool async, string name)
    {
        string url = _server.Url($"/from/{status}/{name}");
        var form = new Dictionary<string, string> { ["field"] = "value" };
        using var session = new Session();
        var response = await Send.Either(async, () => session.Post(url, data: form), () => session.PostAsync(url, data: form));
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Text, Is.EqualTo("landed"));
        Assert.That(response.History.Select(h => h.StatusCode), Is.EqualTo(new[] { status }));

        var first = Single($"/from/{status}/{name}");
        Assert.That(first.Method, Is.EqualTo("POST"));
        Assert.That(first.Body, Is.EqualTo("field=value"));
        Assert.That(first.Headers["Content-Length"], Is.EqualTo("11"));
        return response;
    }

    [Test]
    public async Task PostRedirectedBy301302Or303ArrivesAsAGetWithoutBodyOrBodyHeaders([Values(301, 302, 303)] int status, [Values] bool async)
    {
        string name = $"to-get-{status}-{async}";
        var response = await PostThroughRedirect(status, async, name);

        var followUp = Single("/to/" + name);
        Assert.That(followUp.Method, Is.EqualTo("GET"));
        Assert.That(followUp.Body, Is.Empty);
        Assert.That(followUp.Headers.Keys, Has.None.EqualTo("Content-Length").IgnoreCase, "not even Content-Length: 0, as Requests");
        Assert.That(followUp.Headers.Keys, Has.None.EqualTo("Content-Type").IgnoreCase);
        Assert.That(followUp.Headers.Keys, Has.None.EqualTo("Transfer-Encoding").IgnoreCase);
        Assert.That(response.Request.Method, Is.EqualTo("GET"));
    }

    [Test]
    public async Task PostRedirectedBy307Or308IsResentWithItsBody([Values(307, 308)] int status, [Values] bool async)
    {
        string name = $"keep-{status}-{async}";
        var response = await PostThroughRedirect(status, async, name);

        var followUp = Single("/to/" + name);
        Assert.That(followUp.Method, Is.EqualTo("POST"));
        Assert.That(followUp.Body, Is.EqualTo("field=value"));
        Assert.That(followUp.Headers["Content-Length"], Is.EqualTo("11"));
        Assert.That(followUp.Headers["Content-Type"], Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(response.Request.Method, Is.EqualTo("POST"));
    }
}
