namespace FluentRequests;

/// <summary>A hop sent straight to the wire: the pipeline when there is no retry policy and no total deadline.</summary>
internal readonly struct DirectHop(bool async, CancellationToken cancellationToken) : IHopSender
{
    public ValueTask<Response> SendAsync(Call call) => Attempt.RunAsync(call, async, cancellationToken);
}
