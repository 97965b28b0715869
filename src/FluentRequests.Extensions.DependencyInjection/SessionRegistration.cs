namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>What code registered for one session name (named options): its setup actions and its transport.</summary>
internal sealed class SessionRegistration
{
    public bool Registered { get; set; }

    public List<Action<IServiceProvider, Session>> Configure { get; } = [];

    public bool UsesHttpClientFactory { get; set; }
}
