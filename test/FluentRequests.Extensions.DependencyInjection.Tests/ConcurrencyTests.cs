using WireMock.Server;

namespace FluentRequests.Extensions.DependencyInjection.Tests;

public sealed class ConcurrencyTests
{
    [Test]
    public async Task Thirty_two_tasks_share_one_registered_session_and_every_cookie_update_is_kept()
    {
        using var server = WireMockServer.Start();
        // /set/{i} sets cookie c{i}; /echo answers with the Cookie header it got.
        server.Given(WmRequest.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/set/*")))
            .RespondWith(WmResponse.Create().WithHeader("Set-Cookie", "c{{request.PathSegments.[1]}}=v{{request.PathSegments.[1]}}; Path=/")
                .WithBody("{{request.PathSegments.[1]}}").WithTransformer());
        server.Given(WmRequest.Create().WithPath("/echo")).RespondWith(WmResponse.Create().WithBody("{{request.headers.Cookie}}").WithTransformer());
        using var services = Container.Build(fr => fr.AddSession("shared", (_, s) => s.BaseUrl = server.Url + "/"));
        var factory = services.GetRequiredService<ISessionFactory>();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            var session = factory.Get("shared");
            var response = await session.GetAsync($"set/{i}");
            return (session, body: response.Text);
        })));

        var session = factory.Get("shared");
        Assert.Multiple(() =>
        {
            Assert.That(bodies.Select(b => b.session).Distinct().Single(), Is.SameAs(session), "one session for all tasks");
            Assert.That(bodies.Select(b => b.body), Is.EquivalentTo(Enumerable.Range(0, 32).Select(i => i.ToString())));
            Assert.That(session.Cookies.Count, Is.EqualTo(32));
            for (int i = 0; i < 32; i++) Assert.That(session.Cookies[$"c{i}"], Is.EqualTo($"v{i}"));
        });
        string echoed = (await session.GetAsync("echo")).Text;
        Assert.That(echoed.Split("; "), Has.Length.EqualTo(32).And.Contains("c31=v31"));
    }
}
