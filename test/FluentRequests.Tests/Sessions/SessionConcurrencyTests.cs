using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace FluentRequests.Tests.Sessions;

/// <summary>One session shared by 16 threads: every response is right, every cookie the server set is kept, nothing throws.</summary>
public class SessionConcurrencyTests
{
    private const int Threads = 16;
    private const int RequestsPerThread = 10;

    private KestrelServer _server = null!;
    private readonly ConcurrentBag<string> _cookieHeadersSeen = new();

    [OneTimeSetUp]
    public async Task Start() => _server = await KestrelServer.StartAsync(async ctx =>
    {
        // Each request sets the cookie of its thread to its iteration and echoes both back.
        string t = ctx.Request.Query["t"].ToString();
        string n = ctx.Request.Query["n"].ToString();
        _cookieHeadersSeen.Add(ctx.Request.Headers.Cookie.ToString());
        ctx.Response.Headers.Append("Set-Cookie", $"t{t}=n{n}; Path=/");
        ctx.Response.ContentType = "text/plain";
        await ctx.Response.WriteAsync($"{t}:{n}");
    });

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [SetUp]
    public void Reset() => _cookieHeadersSeen.Clear();

    [Test]
    public void SixteenThreadsShareOneSessionSynchronously()
    {
        using var session = new Session();
        session.Cookies["shared"] = "yes";
        var errors = new ConcurrentQueue<string>();

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (int n = 0; n < RequestsPerThread; n++)
            {
                var response = session.Get(_server.Url("/"), @params: new { t, n });
                if (response.StatusCode != 200 || response.Text != $"{t}:{n}") errors.Enqueue($"t={t} n={n}: {response.StatusCode} '{response.Text}'");
            }
        });

        AssertOutcome(session, errors);
    }

    [Test]
    public async Task SixteenTasksShareOneSessionAsynchronously()
    {
        using var session = new Session();
        session.Cookies["shared"] = "yes";
        var errors = new ConcurrentQueue<string>();

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            for (int n = 0; n < RequestsPerThread; n++)
            {
                var response = await session.GetAsync(_server.Url("/"), @params: new { t, n });
                if (response.StatusCode != 200 || response.Text != $"{t}:{n}") errors.Enqueue($"t={t} n={n}: {response.StatusCode} '{response.Text}'");
            }
        })));

        AssertOutcome(session, errors);
    }

    private void AssertOutcome(Session session, ConcurrentQueue<string> errors)
    {
        Assert.That(errors, Is.Empty);
        var expected = Enumerable.Range(0, Threads).ToDictionary(t => $"t{t}", _ => $"n{RequestsPerThread - 1}");
        expected["shared"] = "yes";
        Assert.That(session.Cookies.ToDictionary(), Is.EquivalentTo(expected));
        Assert.That(_cookieHeadersSeen, Has.Count.EqualTo(Threads * RequestsPerThread));
        Assert.That(_cookieHeadersSeen, Has.All.Contains("shared=yes"), "every request carried the session's cookie");
    }
}
