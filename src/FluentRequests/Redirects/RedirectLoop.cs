using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// The redirect loop: sends the current hop, and while the answer is a redirect and redirects are allowed,
/// moves the call to the next hop (<see cref="RedirectResolver"/>). The same loop runs inside the Polly pipeline
/// (<see cref="RedirectStrategy"/>) and, when there is nothing else to compose, on its own.
/// </summary>
internal static class RedirectLoop
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<Response> FollowAsync<THop>(Call call, THop hop) where THop : IHopSender
    {
        while (true)
        {
            call.AttemptsThisHop = 0;
            var response = await hop.SendAsync(call).ConfigureAwait(false);
            if (call.History.Count > 0) response.History = call.History.ToArray();
            if (!response.IsRedirect) return response;

            if (!call.Options.AllowRedirects)
            {
                response.Next = TryNext(response, call.Options);
                return response;
            }
            int followed = call.History.Count(h => h.IsRedirect);
            if (followed >= call.Options.MaxRedirects)
            {
                throw new TooManyRedirectsException(
                    $"Exceeded {call.Options.MaxRedirects} redirects "
                    + $"(the last, {response.StatusCode} to '{response.Headers["Location"]}', from {UrlRedaction.WithoutUserInfo(response.Url)}).",
                    response.Request, response);
            }
            var next = RedirectResolver.NextRequest(response, call.Options);
            await response.DisposeAsync().ConfigureAwait(false);
            call.AddToHistory(response);
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
