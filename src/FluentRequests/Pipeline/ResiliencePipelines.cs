using System.Runtime.CompilerServices;
using Polly;
using Polly.Timeout;

namespace FluentRequests;

/// <summary>
/// The one place where the total deadline, the redirect loop and retries are composed, outermost first:
/// <list type="number">
/// <item>Total deadline (Polly timeout): covers the whole call, every hop and retry and their delays.</item>
/// <item>Redirects (<see cref="RedirectStrategy"/>): follows 3xx hop by hop, counting toward MaxRedirects.</item>
/// <item>Retries (Polly retry, when a <see cref="RetryPolicy"/> is set): retries the current hop.</item>
/// <item>The attempt: connect and read timeouts on the wire, auth challenge, cookies, hooks.</item>
/// </list>
/// Pipelines are built once per retry policy and cached; per-call settings travel in the <see cref="Call"/>.
/// With neither a total deadline nor a retry policy (the default) there is nothing to compose around the
/// redirect loop, so it runs on its own: the same loop, without Polly's per-call machinery (about 1 KB and
/// four async frames less per request, measured in docs/performance.md).
/// </summary>
internal static class ResiliencePipelines
{
    private static readonly ResiliencePipeline<Response> WithoutRetry = Build(null);
    // Keyed by the policy instance and held weakly: a session's policy builds its pipeline once, and policies
    // made per call (with their own method or status sets) cannot grow the cache without bound.
    private static readonly ConditionalWeakTable<RetryPolicy, ResiliencePipeline<Response>> WithRetry = new();

    public static ResiliencePipeline<Response> For(RetryPolicy? retry)
        => retry is null ? WithoutRetry : WithRetry.GetValue(retry, Build);

    private static ResiliencePipeline<Response> Build(RetryPolicy? retry)
    {
        var builder = new ResiliencePipelineBuilder<Response>();
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "FluentRequests.TotalDeadline",
            TimeoutGenerator = static args =>
                new ValueTask<TimeSpan>(args.Context.Properties.GetValue(Call.Key, null!).Options.Timeout.Total ?? Timeout.InfiniteTimeSpan),
        });
        builder.AddStrategy(static _ => new RedirectStrategy());
        if (retry is not null)
        {
            retry.Validate();
            builder.AddRetry(PollyRetry.Options(retry));
        }
        return builder.Build();
    }

    public static ValueTask<Response> ExecuteAsync(Call call, bool async, CancellationToken cancellationToken)
        => call.Options.Retry is null && call.Options.Timeout.Total is null
            ? RedirectLoop.FollowAsync(call, new DirectHop(async, cancellationToken))
            : ExecuteComposedAsync(call, async, cancellationToken);

    private static async ValueTask<Response> ExecuteComposedAsync(Call call, bool async, CancellationToken cancellationToken)
    {
        var pipeline = For(call.Options.Retry);
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: false, cancellationToken);
        context.Properties.Set(Call.Key, call);
        try
        {
            Response response = async
                ? await pipeline.ExecuteAsync(static (ctx, c) => Attempt.RunAsync(c, async: true, ctx.CancellationToken), context, call).ConfigureAwait(false)
                : pipeline.Execute(static (ctx, c) => Attempt.RunAsync(c, async: false, ctx.CancellationToken).EnsureCompleted(), context, call);
            return PollyRetry.CheckExhausted(response, call);
        }
        catch (TimeoutRejectedException e)
        {
            throw new RequestTimeoutException(
                $"The request to {call.Current.Url} exceeded its total deadline of {RequestTimeout.Describe(call.Options.Timeout.Total)} " +
                $"({call.Attempts} request(s) sent, {call.History.Count} redirect(s) followed).", call.Current, innerException: e);
        }
        catch (RequestException e) when (call.Attempts > 1 && call.Options.Retry is not null && e.Response is null)
        {
            e.AddNote($"(gave up after {call.Attempts} attempts)");
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
