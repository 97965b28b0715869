using FluentRequests.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FluentRequests sessions in a service collection (docs/services.md).</summary>
public static class FluentRequestsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the session factory (<see cref="ISessionFactory"/>) and returns a builder to register named and typed sessions
    /// on. Settings are read from <c>FluentRequests:Sessions:{name}</c> of the container's <c>IConfiguration</c>, when
    /// there is one. Calling it again returns another builder over the same registrations.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for <c>AddSession</c>.</returns>
    public static FluentRequestsBuilder AddFluentRequests(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.AddLogging();
        services.TryAddSingleton<ISessionFactory, SessionFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionSettings>, SessionSettingsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<SessionSettings>, SessionSettingsBinder>());
        return new FluentRequestsBuilder(services);
    }
}
