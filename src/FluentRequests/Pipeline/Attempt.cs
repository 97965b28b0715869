using System.Runtime.CompilerServices;
namespace FluentRequests;

/// <summary>
/// One attempt at the current hop, the innermost step of the pipeline: send, let the auth answer a
/// challenge, store the cookies the server set, run the response hooks.
/// </summary>
internal static class Attempt
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<Response> RunAsync(Call call, bool async, CancellationToken cancellationToken)
    {
        var request = call.Current;
        if (call.AttemptsThisHop > 0 && !request.TryRewindBody())
        {
            throw new UnrewindableBodyException($"Unable to rewind the request body to resend it to {request.DisplayUrl}: the stream cannot seek.", request);
        }
        call.AttemptsThisHop++;
        call.Attempts++;
        if (request.Auth is { } auth) await BeforeSendAsync(auth, request, async, cancellationToken).ConfigureAwait(false);
        var response = await HttpSender.SendAsync(request, call.Options, async, cancellationToken).ConfigureAwait(false);
        Store(call, response);

        if (request.Auth?.HandleResponse(response) is { } challengeAnswer)
        {
            await response.DisposeAsync().ConfigureAwait(false);
            call.AddToHistory(response);
            if (challengeAnswer.Auth is { } answerAuth) await BeforeSendAsync(answerAuth, challengeAnswer, async, cancellationToken).ConfigureAwait(false);
            response = await HttpSender.SendAsync(challengeAnswer, call.Options, async, cancellationToken).ConfigureAwait(false);
            Store(call, response);
        }

        response = call.Options.SessionHooks?.Dispatch(response) ?? response;
        response = request.Hooks?.Dispatch(response) ?? response;
        return response;
    }

    /// <summary>The auth's per-send hook: every request on the wire is signed afresh (retries and redirect hops included).</summary>
    private static ValueTask BeforeSendAsync(Auth auth, PreparedRequest request, bool async, CancellationToken cancellationToken)
    {
        if (async) return auth.BeforeSendAsync(request, cancellationToken);
        auth.BeforeSend(request);
        return ValueTask.CompletedTask;
    }

    private static void Store(Call call, Response response)
    {
        if (response.SetCookieHeaders.Count > 0) call.Options.SessionCookies?.StoreResponseCookies(response.Request.Uri, response.SetCookieHeaders);
    }
}
