using System.Runtime.ExceptionServices;
using Polly;

namespace FluentRequests;

/// <summary>
/// The redirect loop as a Polly strategy, between the total deadline and retries: each hop goes back through
/// the strategies inside it, so each hop is retried on its own, as Requests' adapter retries each request of a
/// redirect chain.
/// </summary>
internal sealed class RedirectStrategy : ResilienceStrategy<Response>
{
    protected override async ValueTask<Outcome<Response>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<Response>>> callback, ResilienceContext context, TState state)
    {
        var call = context.Properties.GetValue(Call.Key, null!);
        try
        {
            var response = await RedirectLoop.FollowAsync(call, new InnerHop<TState>(callback, context, state))
                .ConfigureAwait(context.ContinueOnCapturedContext);
            return Outcome.FromResult(response);
        }
        catch (Exception e)
        {
            return Outcome.FromException<Response>(e);
        }
    }

    /// <summary>A hop sent through the strategies inside this one.</summary>
    private readonly struct InnerHop<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<Response>>> callback, ResilienceContext context, TState state) : IHopSender
    {
        public async ValueTask<Response> SendAsync(Call call)
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Exception is { } e) ExceptionDispatchInfo.Throw(e);
            return outcome.Result!;
        }
    }
}
