using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>Reads <c>FluentRequests:Sessions:{name}</c> of the container's configuration, when it has one, into the named settings.</summary>
internal sealed class SessionSettingsBinder(IServiceProvider services) : IConfigureNamedOptions<SessionSettings>
{
    public const string SectionPrefix = "FluentRequests:Sessions:";

    public void Configure(string? name, SessionSettings options)
    {
        if (name is null || services.GetService<IConfiguration>() is not { } configuration) return;
        SessionSettingsReader.Read(configuration.GetSection(SectionPrefix + name), options);
    }

    public void Configure(SessionSettings options) => Configure(Options.DefaultName, options);
}
