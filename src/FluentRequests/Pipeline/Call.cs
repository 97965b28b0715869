using Polly;

namespace FluentRequests;

/// <summary>The state of one call through the pipeline: the request of the current hop, the settings, and the hops so far.</summary>
internal sealed class Call(PreparedRequest request, SendOptions options)
{
    public static readonly ResiliencePropertyKey<Call> Key = new("FluentRequests.Call");

    public PreparedRequest Current { get; set; } = request;

    public SendOptions Options { get; } = options;

    private List<Response>? _history;

    /// <summary>The redirect (and auth challenge) responses so far, oldest first; no list is made until the first.</summary>
    public IReadOnlyList<Response> History => _history is { } history ? history : [];

    /// <summary>Adds <paramref name="response"/> to <see cref="History"/>.</summary>
    public void AddToHistory(Response response) => (_history ??= new()).Add(response);

    /// <summary>Requests sent on the wire for the current hop (1 + retries).</summary>
    public int AttemptsThisHop { get; set; }

    /// <summary>Requests sent on the wire in the whole call.</summary>
    public int Attempts { get; set; }
}
