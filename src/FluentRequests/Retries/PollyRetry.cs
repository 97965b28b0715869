using System.Globalization;
using Polly;
using Polly.Retry;

namespace FluentRequests;

/// <summary>
/// The user's <see cref="RetryPolicy"/> as Polly retry-strategy options: what is retried, how long to wait, and what
/// happens when retries run out.
/// </summary>
internal static class PollyRetry
{
    public static RetryStrategyOptions<Response> Options(RetryPolicy policy) => new()
    {
        Name = "FluentRequests.Retry",
        MaxRetryAttempts = policy.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = policy.Jitter,
        Delay = policy.BackoffBase,
        MaxDelay = policy.BackoffMax,
        ShouldHandle = args => new ValueTask<bool>(ShouldRetry(policy, args.Outcome, args.Context.Properties.GetValue(Call.Key, null!))),
        DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(policy, args.Outcome.Result)),
        // A streamed response holds its connection: release it before the next attempt.
        OnRetry = static args =>
        {
            args.Outcome.Result?.Dispose();
            return default;
        },
    };

    private static bool ShouldRetry(RetryPolicy policy, Outcome<Response> outcome, Call call)
    {
        var request = call.Current;
        bool methodAllowed = policy.Methods.Contains(request.Method);
        bool retry = outcome.Exception switch
        {
            null => methodAllowed && policy.StatusCodes.Contains(outcome.Result!.StatusCode),
            // The request never reached the server: safe to retry whatever the method (urllib3's connect errors).
            RequestException { NotSent: true } and not SslException => policy.RetryOnConnectErrors,
            // The server closed during the upload and never answered: it may have acted on the part it read, so a
            // non-idempotent method is not sent again even when allowed.
            RequestException { UploadBroken: true } => policy.RetryOnReadErrors && methodAllowed && RetryPolicy.IdempotentMethods.Contains(request.Method),
            ReadTimeoutException or ChunkedEncodingException or ConnectionException and not SslException => policy.RetryOnReadErrors && methodAllowed,
            _ => false,
        };
        // A retry resends the body: every stream in it goes back to where it started, or the call fails now
        // (urllib3's rewind_body) instead of waiting out the backoff to send a body that is gone.
        if (retry && request.BodySource is { } body && !body.TryRewind())
        {
            throw new UnrewindableBodyException(
                $"Unable to rewind the request body to retry {request.DisplayUrl}: the stream cannot seek.", request, outcome.Result, outcome.Exception);
        }
        return retry;
    }

    /// <summary>The Retry-After delay (seconds or an HTTP date), capped at <see cref="RetryPolicy.MaxRetryAfter"/>; <c>null</c> uses the backoff.</summary>
    internal static TimeSpan? RetryAfter(RetryPolicy policy, Response? response)
    {
        if (!policy.RespectRetryAfter || response?.Headers["Retry-After"] is not { } value) return null;
        TimeSpan? delay = null;
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
        {
            delay = TimeSpan.FromSeconds(seconds);
        }
        else if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - DateTimeOffset.UtcNow;
            delay = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        if (delay is null) return null;
        return delay > policy.MaxRetryAfter ? policy.MaxRetryAfter : delay;
    }

    public static Response CheckExhausted(Response response, Call call)
    {
        var policy = call.Options.Retry;
        if (policy is { RaiseOnExhausted: true } && call.AttemptsThisHop > policy.MaxRetries
            && policy.StatusCodes.Contains(response.StatusCode) && policy.Methods.Contains(response.Request.Method))
        {
            throw new RetryException(
                $"Max retries exceeded with url: {UrlRedaction.WithoutUserInfo(response.Url)} (too many {response.StatusCode} error responses; "
                    + $"{call.AttemptsThisHop} attempts)",
                response.Request, response);
        }
        return response;
    }
}
