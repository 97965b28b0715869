using Microsoft.Extensions.Options;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>
/// Fails a session's settings with every problem the reader found, each naming its full key, and with the transport keys
/// that cannot apply when the session sends through <c>IHttpClientFactory</c>'s handler.
/// </summary>
internal sealed class SessionSettingsValidator(IOptionsMonitor<SessionRegistration> registrations) : IValidateOptions<SessionSettings>
{
    public ValidateOptionsResult Validate(string? name, SessionSettings options)
    {
        var errors = new List<string>(options.Errors);
        if (name is not null && registrations.Get(name).UsesHttpClientFactory)
        {
            foreach (var key in options.TransportKeys)
            {
                errors.Add($"{key}: cannot apply: the session sends through IHttpClientFactory's handler "
                    + "(UseHttpClientFactory), which owns TLS and proxies; configure its primary handler instead.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
