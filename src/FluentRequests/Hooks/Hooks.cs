namespace FluentRequests;

/// <summary>
/// Response hooks, as Requests' <c>hooks={"response": [...]}</c>: each runs on every response received,
/// every redirect hop included, in order. A hook that returns a <see cref="Response"/> replaces the one passed on.
/// Add hooks before sending; the list is read, not locked, while requests are in flight.
/// </summary>
public sealed class Hooks
{
    private volatile Func<Response, Response?>[] _onResponse = [];

    /// <summary>The response hooks, in the order they run.</summary>
    public IReadOnlyList<Func<Response, Response?>> OnResponse => _onResponse;

    /// <summary>Adds a hook that may return a replacement response (or <c>null</c> to keep it).</summary>
    /// <param name="hook">The hook.</param>
    public void Add(Func<Response, Response?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _onResponse = [.. _onResponse, hook];
    }

    /// <summary>Adds a hook that only observes responses.</summary>
    /// <param name="hook">The hook.</param>
    public void Add(Action<Response> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Add(r => { hook(r); return null; });
    }

    /// <summary>Removes every hook.</summary>
    public void Clear() => _onResponse = [];

    internal Response Dispatch(Response response)
    {
        foreach (var hook in _onResponse)
        {
            response = hook(response) ?? response;
        }
        return response;
    }
}
