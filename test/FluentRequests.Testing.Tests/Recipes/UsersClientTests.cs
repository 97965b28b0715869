using WireMock.Server;

namespace FluentRequests.Testing.Tests.Recipes;

// docs/testing.md, "A worked example": unit tests of UsersClient over the fake.
public sealed class UsersClientTests
{
    [Test]
    public async Task CreateSendsTheNameAndReadsTheUserBack()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("https://api.example.com/users").WithVerb("POST")
            .RespondWithJson(new { id = 7, name = "Ada" }, status: 201);
        var client = new UsersClient(); // its own Session: the fake still gets the call

        var user = await client.CreateAsync("Ada");

        Assert.That(user, Is.EqualTo(new User(7, "Ada")));
        http.ShouldHaveCalled("https://api.example.com/users")
            .WithVerb("POST")
            .WithJsonBody(new { name = "Ada" })
            .WithContentType("application/json")
            .Times(1);
    }

    [Test]
    public async Task FindReturnsNullOn404()
    {
        using var http = new FakeHttp();
        http.ForCallsTo("https://api.example.com/users/*").RespondWith(FakeResponse.Status(404));
        using var session = http.Session(); // or hand the client a session bound to the fake
        session.BaseUrl = "https://api.example.com/";

        var user = await new UsersClient(session).FindAsync(42);

        Assert.That(user, Is.Null);
        http.ShouldHaveCalled("https://api.example.com/users/42").WithVerb("GET").Times(1);
    }

    [Test]
    public async Task AServerErrorSurfacesAsHttpStatusException()
    {
        using var http = new FakeHttp();
        http.RespondWith(FakeResponse.Json(new { error = "db down" }, status: 500));

        var e = await Assert.ThrowsAsync<HttpStatusException>(() => new UsersClient().CreateAsync("Ada"));

        Assert.That(e!.Response!.StatusCode, Is.EqualTo(500));
    }

    [Test]
    public async Task TheSameClientAgainstWireMock()
    {
        using var server = WireMockServer.Start(); // port 0: a free port
        server.Given(WmRequest.Create().WithPath("/users").UsingPost())
            .RespondWith(WmResponse.Create().WithStatusCode(201).WithBodyAsJson(new { id = 7, name = "Ada" }));
        using var session = new Session { BaseUrl = server.Url + "/", TrustEnv = false };

        var user = await new UsersClient(session).CreateAsync("Ada");

        Assert.That(user, Is.EqualTo(new User(7, "Ada")));
        var received = server.LogEntries.Single().RequestMessage;
        Assert.That((received.Method, received.Body), Is.EqualTo(("POST", """{"name":"Ada"}""")));
    }
}
