namespace FluentRequests;

/// <summary>Sends one hop of a call: the attempt itself, or the strategies inside the redirect loop (retries).</summary>
internal interface IHopSender
{
    ValueTask<Response> SendAsync(Call call);
}
