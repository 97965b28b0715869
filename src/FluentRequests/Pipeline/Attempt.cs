using System.Runtime.CompilerServices;
namespace FluentRequests;

/// <summary>
/// One attempt at the current hop, the innermost step of the pipeline: send (which stores the cookies the server
/// set), let the auth answer a challenge, run the response hooks.
/// </summary>
internal static class Attempt
{
    /// <summary>Runs the attempt; every failure, the unrewindable body too, comes through the returned task.</summary>
    public static ValueTask<Response> RunAsync(Call call, bool async, CancellationToken cancellationToken)
    {
        var request = call.Current;
        if (call.AttemptsThisHop > 0 && !request.TryRewindBody())
        {
            return ValueTask.FromException<Response>(new UnrewindableBodyException(
                $"Unable to rewind the request body to resend it to {request.DisplayUrl}: the stream cannot seek.", request));
        }
        call.AttemptsThisHop++;
        call.Attempts++;
        // No auth to answer and no hook to run: the send is the attempt, without an async frame of its own around it.
        if (request.Auth is null && call.Options.SessionHooks is null && request.Hooks is null)
        {
            return HttpSender.SendAsync(request, call.Options, async, cancellationToken);
        }
        return RunWithAuthAndHooksAsync(call, request, async, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Response> RunWithAuthAndHooksAsync(Call call, PreparedRequest request, bool async, CancellationToken cancellationToken)
    {
        if (request.Auth is { } auth) await BeforeSendAsync(auth, request, async, cancellationToken).ConfigureAwait(false);
        var response = await HttpSender.SendAsync(request, call.Options, async, cancellationToken).ConfigureAwait(false);

        if (request.Auth?.HandleResponse(response) is { } challengeAnswer)
        {
            await response.DisposeAsync().ConfigureAwait(false);
            call.AddToHistory(response);
            if (challengeAnswer.Auth is { } answerAuth) await BeforeSendAsync(answerAuth, challengeAnswer, async, cancellationToken).ConfigureAwait(false);
            response = await HttpSender.SendAsync(challengeAnswer, call.Options, async, cancellationToken).ConfigureAwait(false);
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
}
