namespace FluentRequests;

/// <summary>
/// When and how to retry a request (off by default; set <see cref="Session.Retry"/> or use
/// <see cref="RequestBuilder.WithRetry"/>). Built on Polly's retry strategy. Defaults follow urllib3's
/// <c>Retry</c>: idempotent methods only, statuses 429/500/502/503/504, connect and read errors,
/// exponential backoff with jitter, and <c>Retry-After</c> honoured up to <see cref="MaxRetryAfter"/>.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>The methods retried by default: the idempotent ones (urllib3's <c>DEFAULT_ALLOWED_METHODS</c>).</summary>
    public static IReadOnlySet<string> IdempotentMethods { get; } =
        new HashSet<string>(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The statuses retried by default.</summary>
    public static IReadOnlySet<int> DefaultStatusCodes { get; } = new HashSet<int>([429, 500, 502, 503, 504]);

    /// <summary>How many times to retry after the first attempt. Default 3. Must be at least 1.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay; later ones double. Default 0.5 s.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay. Default 30 s.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised (Polly's decorrelated jitter). Default <c>true</c>.</summary>
    public bool Jitter { get; init; } = true;

    /// <summary>The response statuses that trigger a retry. Default 429, 500, 502, 503, 504.</summary>
    public IReadOnlySet<int> StatusCodes { get; init; } = DefaultStatusCodes;

    /// <summary>The methods that may be retried. Default <see cref="IdempotentMethods"/>; POST is not retried unless added.</summary>
    public IReadOnlySet<string> Methods { get; init; } = IdempotentMethods;

    /// <summary>Whether connection failures (refused, reset, DNS, connect timeout) are retried. Default <c>true</c>.</summary>
    public bool RetryOnConnectErrors { get; init; } = true;

    /// <summary>Whether read timeouts and broken responses are retried. Default <c>true</c>.</summary>
    public bool RetryOnReadErrors { get; init; } = true;

    /// <summary>Whether a <c>Retry-After</c> header (seconds or an HTTP date) sets the delay. Default <c>true</c>.</summary>
    public bool RespectRetryAfter { get; init; } = true;

    /// <summary>The longest <c>Retry-After</c> honoured; longer ones are capped to it. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When retries on status run out: <c>false</c> (default) returns the last response, as urllib3 with
    /// <c>raise_on_status=False</c>; <c>true</c> throws <see cref="RetryException"/> carrying it.
    /// </summary>
    public bool RaiseOnExhausted { get; init; }

    /// <summary>A policy with the defaults and <paramref name="maxRetries"/> retries.</summary>
    /// <param name="maxRetries">How many retries after the first attempt.</param>
    public static RetryPolicy Times(int maxRetries) => new() { MaxRetries = maxRetries };

    internal void Validate()
    {
        if (MaxRetries < 1) throw new ArgumentException($"RetryPolicy.MaxRetries must be at least 1; got {MaxRetries}.");
        if (BackoffBase < TimeSpan.Zero) throw new ArgumentException($"RetryPolicy.BackoffBase must not be negative; got {BackoffBase}.");
        if (BackoffMax < BackoffBase) throw new ArgumentException($"RetryPolicy.BackoffMax ({BackoffMax}) must not be less than BackoffBase ({BackoffBase}).");
        if (MaxRetryAfter < TimeSpan.Zero) throw new ArgumentException($"RetryPolicy.MaxRetryAfter must not be negative; got {MaxRetryAfter}.");
    }
}
