namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>Gives the registered session of a name, for code that picks the name at run time.</summary>
public interface ISessionFactory
{
    /// <summary>
    /// The session <paramref name="name"/>: built on first use, then the same instance for the container's life (safe to
    /// use from many threads at once), disposed with the container.
    /// </summary>
    /// <param name="name">A name registered with <see cref="FluentRequestsBuilder.AddSession"/>.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentException">No session of that name is registered.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Its configuration is invalid.</exception>
    /// <exception cref="ObjectDisposedException">The container has been disposed.</exception>
    Session Get(string name);
}
