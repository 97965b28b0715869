using Polly;

namespace FluentRequests;

/// <summary>
/// The redirect policy as a Polly strategy: sends the hop through the strategies inside it (retries, then
/// the attempt), and while the answer is a redirect and redirects are allowed, moves the call to the next hop.
/// Every hop goes back through the inner strategies, so each hop is retried on its own, as Requests' adapter
/// retries each request of a redirect chain.
/// </summary>
internal sealed class RedirectStrategy : ResilienceStrategy<Response>
{
    protected override async ValueTask<Outcome<Response>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<Response>>> callback, ResilienceContext context, TState state)
    {
        var call = context.Properties.GetValue(Call.Key, null!);
        while (true)
        {
            call.AttemptsThisHop = 0;
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Exception is not null) return outcome;
            var response = outcome.Result!;
            if (call.History.Count > 0) response.History = call.History.ToArray();
            if (!response.IsRedirect) return outcome;

            if (!call.Options.AllowRedirects)
            {
                response.Next = TryNext(response, call.Options);
                return outcome;
            }
            int followed = call.History.Count(h => h.IsRedirect);
            if (followed >= call.Options.MaxRedirects)
            {
                return Outcome.FromException<Response>(new TooManyRedirectsException(
                    $"Exceeded {call.Options.MaxRedirects} redirects (the last, {response.StatusCode} to '{response.Headers["Location"]}', from {response.Url}).",
                    response.Request, response));
            }
            PreparedRequest next;
            try
            {
                next = RedirectResolver.NextRequest(response, call.Options);
            }
            catch (RequestException e)
            {
                return Outcome.FromException<Response>(e);
            }
            await response.DisposeAsync().ConfigureAwait(context.ContinueOnCapturedContext);
            call.History.Add(response);
            call.Current = next;
        }
    }

    private static PreparedRequest? TryNext(Response response, SendOptions options)
    {
        try
        {
            return RedirectResolver.NextRequest(response, options);
        }
        catch (RequestException)
        {
            // The caller asked not to follow redirects and gets the 3xx; a Location that cannot be followed
            // leaves Next empty instead of failing a response that was received fine.
            return null;
        }
    }
}

/// <summary>Polly needs an options object per strategy; the redirect policy reads its settings from the call.</summary>
internal sealed class RedirectStrategyOptions : ResilienceStrategyOptions
{
    public RedirectStrategyOptions() => Name = "FluentRequests.Redirects";
}
