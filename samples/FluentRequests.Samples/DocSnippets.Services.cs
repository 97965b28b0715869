// The C# blocks of docs/services.md, compiled with the sample (not run by it).
using FluentRequests.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // services.md: Registration
    public static void RegisterSessions(IServiceCollection services)
    {
        services.AddFluentRequests()
            // A named session: configuration first (FluentRequests:Sessions:github), then this code, which wins.
            .AddSession("github", (services, session) =>
            {
                session.BaseUrl = "https://api.github.com/";
                session.Headers["Accept"] = "application/vnd.github+json";
                session.Retry = RetryPolicy.Times(3);
            });

        services.AddFluentRequests()
            // A typed client, as AddHttpClient<TClient>: its constructor's Session parameter is the session "github".
            .AddSession<GitHubClient>("github");
    }

    // services.md: IHttpClientFactory handlers and resilience
    public static void RegisterThroughHttpClientFactory(IServiceCollection services)
    {
        services.AddTransient<CorrelationIdHandler>();
        services.AddFluentRequests()
            .AddSession("github", (sp, session) => session.BaseUrl = "https://api.github.com/")
            .UseHttpClientFactory()                       // returns the IHttpClientBuilder of "github"
            .AddHttpMessageHandler<CorrelationIdHandler>()
            .AddStandardResilienceHandler();              // Microsoft.Extensions.Http.Resilience, in your app
    }

    // services.md: a run-time name
    public static Task<Response> ByName(ISessionFactory sessions, string tenant) => sessions.Get(tenant).GetAsync("status");
}

/// <summary>services.md: a typed client.</summary>
public sealed class GitHubClient(Session session)
{
    /// <summary>GET repos/{owner}/{name}.</summary>
    public Task<Response> GetRepoAsync(string owner, string name) => session.GetAsync($"repos/{owner}/{name}");
}

/// <summary>services.md: a handler that runs on every physical request.</summary>
public sealed class CorrelationIdHandler : DelegatingHandler
{
    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", Guid.NewGuid().ToString("N"));
        return base.SendAsync(request, cancellationToken);
    }
}
