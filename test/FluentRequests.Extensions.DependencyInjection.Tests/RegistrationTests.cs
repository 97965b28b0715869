using WireMock.Server;

namespace FluentRequests.Extensions.DependencyInjection.Tests;

public sealed class RegistrationTests
{
    public sealed class GitHubClient(Session session, TimeProvider clock)
    {
        public Session Session { get; } = session;
        public TimeProvider Clock { get; } = clock;
    }

    public sealed class OtherClient(Session session)
    {
        public Session Session { get; } = session;
    }

    [Test]
    public void A_named_session_is_built_once_with_its_code_configuration_and_one_per_name()
    {
        int built = 0;
        using var services = Container.Build(fr =>
        {
            fr.AddSession("github", (sp, s) => { built++; s.BaseUrl = "https://api.github.com/"; s.Headers["X-Team"] = "core"; });
            fr.AddSession("other", (sp, s) => s.BaseUrl = "https://other.example/");
        });
        var github = services.Session("github");
        Assert.Multiple(() =>
        {
            Assert.That(github.BaseUrl, Is.EqualTo("https://api.github.com/"));
            Assert.That(github.Headers["X-Team"], Is.EqualTo("core"));
            Assert.That(services.Session("github"), Is.SameAs(github));
            Assert.That(services.Session("other"), Is.Not.SameAs(github));
            Assert.That(services.Session("other").BaseUrl, Is.EqualTo("https://other.example/"));
            Assert.That(services.GetRequiredKeyedService<Session>("github"), Is.SameAs(github));
            Assert.That(built, Is.EqualTo(1));
        });
    }

    [Test]
    public void Configure_actions_run_in_order_after_each_other()
    {
        using var services = Container.Build(fr => fr.AddSession("a", (_, s) => s.MaxRedirects = 3).Configure((_, s) => s.MaxRedirects += 2));
        Assert.That(services.Session("a").MaxRedirects, Is.EqualTo(5));
    }

    [Test]
    public void A_typed_client_gets_the_session_of_its_name_and_other_services_from_the_container()
    {
        using var services = Container.Build(fr =>
        {
            fr.Services.AddSingleton(TimeProvider.System);
            fr.AddSession<GitHubClient>("github", (_, s) => s.BaseUrl = "https://api.github.com/");
            fr.AddSession<OtherClient>(configure: (_, s) => s.BaseUrl = "https://other.example/");
        });
        var client = services.GetRequiredService<GitHubClient>();
        var other = services.GetRequiredService<OtherClient>();
        Assert.Multiple(() =>
        {
            Assert.That(client.Session, Is.SameAs(services.Session("github")));
            Assert.That(client.Clock, Is.SameAs(TimeProvider.System));
            Assert.That(services.GetRequiredService<GitHubClient>(), Is.Not.SameAs(client), "typed clients are transient");
            Assert.That(other.Session, Is.SameAs(services.Session(nameof(OtherClient))), "the default name is the type's");
            Assert.That(other.Session.BaseUrl, Is.EqualTo("https://other.example/"));
        });
    }

    [Test]
    public void The_factory_names_an_unregistered_session()
    {
        using var services = Container.Build(fr => fr.AddSession("github"));
        var e = Assert.Throws<ArgumentException>(() => services.Session("gihtub"));
        Assert.That(e!.Message, Does.Contain("'gihtub'").And.Contain("AddSession"));
    }

    [Test]
    public async Task A_registered_session_sends_with_its_base_url()
    {
        using var server = WireMockServer.Start();
        server.Given(WmRequest.Create().WithPath("/repos").UsingGet()).RespondWith(WmResponse.Create().WithBody("ok"));
        using var services = Container.Build(fr => fr.AddSession("api", (_, s) => s.BaseUrl = server.Url + "/"));
        var response = await services.Session("api").GetAsync("repos");
        Assert.That(response.Text, Is.EqualTo("ok"));
    }

    [Test]
    public async Task Disposing_the_container_disposes_its_sessions_and_later_calls_raise_ObjectDisposedException()
    {
        var services = Container.Build(fr => fr.AddSession("a").UseHttpClientFactory());
        var session = services.Session("a");
        var factory = services.GetRequiredService<ISessionFactory>();
        services.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Get("http://127.0.0.1:1/"));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.GetAsync("http://127.0.0.1:1/"));
        Assert.Throws<ObjectDisposedException>(() => factory.Get("a"));
    }

    [Test]
    public void A_plain_session_raises_ObjectDisposedException_after_Dispose()
    {
        var session = new Session();
        session.Dispose();
        var e = Assert.Throws<ObjectDisposedException>(() => session.Get("http://127.0.0.1:1/"));
        Assert.That(e!.ObjectName, Does.Contain("Session"));
    }
}
