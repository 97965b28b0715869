using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FluentRequests.Extensions.DependencyInjection.Tests;

/// <summary>A container with an in-memory configuration, as a host would build it.</summary>
internal static class Container
{
    public static ServiceProvider Build(Action<FluentRequestsBuilder> register, IDictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        register(services.AddFluentRequests());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>What a host does at start for <c>ValidateOnStart</c>.</summary>
    public static Task ValidateOnStartAsync(IServiceProvider services)
        => services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync(CancellationToken.None);

    public static Session Session(this IServiceProvider services, string name) => services.GetRequiredService<ISessionFactory>().Get(name);
}
