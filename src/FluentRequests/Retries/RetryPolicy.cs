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

    /// <summary>
    /// No retries: switches a session's <see cref="Session.Retry"/> off for one call (<c>retry: RetryPolicy.None</c>
    /// or <see cref="RequestBuilder.WithRetry"/>). The only policy whose <see cref="MaxRetries"/> is 0.
    /// </summary>
    public static RetryPolicy None { get; } = new(maxRetries: 0);

    /// <summary>Creates a policy with the defaults below.</summary>
    public RetryPolicy()
    {
    }

    private RetryPolicy(int maxRetries) => _maxRetries = maxRetries;

    private int _maxRetries = 3;
    private IReadOnlySet<int> _statusCodes = DefaultStatusCodes;
    private IReadOnlySet<string> _methods = IdempotentMethods;

    /// <summary>How many times to retry after the first attempt.</summary>
    /// <value>The default value is 3. At least 1; use <see cref="None"/> for no retries.</value>
    /// <exception cref="ArgumentException">The value is less than 1.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        init => _maxRetries = value >= 1 ? value
            : throw new ArgumentException($"RetryPolicy.MaxRetries must be at least 1; got {value}. Use RetryPolicy.None for no retries.", nameof(MaxRetries));
    }

    /// <summary>Whether this is <see cref="None"/>: no retries.</summary>
    public bool IsNone => _maxRetries == 0;

    /// <summary>The first backoff delay; later ones double.</summary>
    /// <value>The default value is 0.5 seconds.</value>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised (Polly's decorrelated jitter).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Jitter { get; init; } = true;

    /// <summary>The response statuses that trigger a retry, e.g. <c>StatusCodes = [429, 503]</c>.</summary>
    /// <value>The default value is <see cref="DefaultStatusCodes"/>: 429, 500, 502, 503, 504. Repeats are ignored.</value>
    public IReadOnlyCollection<int> StatusCodes
    {
        get => _statusCodes;
        init => _statusCodes = new HashSet<int>(value ?? throw new ArgumentNullException(nameof(StatusCodes)));
    }

    /// <summary>The methods that may be retried, any case, e.g. <c>Methods = [.. RetryPolicy.IdempotentMethods, "POST"]</c>.</summary>
    /// <value>The default value is <see cref="IdempotentMethods"/>; POST is not retried unless added.</value>
    public IReadOnlyCollection<string> Methods
    {
        get => _methods;
        init => _methods = new HashSet<string>(value ?? throw new ArgumentNullException(nameof(Methods)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether connection failures (refused, reset, DNS, connect timeout) are retried.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RetryOnConnectErrors { get; init; } = true;

    /// <summary>Whether read timeouts and broken responses are retried.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RetryOnReadErrors { get; init; } = true;

    /// <summary>Whether a <c>Retry-After</c> header (seconds or an HTTP date) sets the delay.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RespectRetryAfter { get; init; } = true;

    /// <summary>The longest <c>Retry-After</c> honoured; longer ones are capped to it.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When retries on status run out: <c>false</c> returns the last response, as urllib3 with
    /// <c>raise_on_status=False</c>; <c>true</c> throws <see cref="RetryException"/> carrying it.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: the last response is returned.</value>
    public bool RaiseOnExhausted { get; init; }

    /// <summary>A policy with the defaults and <paramref name="maxRetries"/> retries.</summary>
    /// <param name="maxRetries">How many retries after the first attempt.</param>
    /// <exception cref="ArgumentException"><paramref name="maxRetries"/> is less than 1.</exception>
    public static RetryPolicy Times(int maxRetries) => new() { MaxRetries = maxRetries };

    /// <summary>The settings in one line, e.g. <c>RetryPolicy(3 retries, backoff 0.5s..30s with jitter, statuses 429,500,502,503,504, …)</c>.</summary>
    public override string ToString()
    {
        if (IsNone) return "RetryPolicy.None";
        return $"RetryPolicy({MaxRetries} retries, backoff {RequestTimeout.Describe(BackoffBase)}..{RequestTimeout.Describe(BackoffMax)}"
            + (Jitter ? " with jitter" : "")
            + $", statuses {string.Join(",", _statusCodes.Order())}, methods {string.Join(",", _methods.Order(StringComparer.OrdinalIgnoreCase))}"
            + $", connect errors {(RetryOnConnectErrors ? "retried" : "not retried")}, read errors {(RetryOnReadErrors ? "retried" : "not retried")}"
            + (RespectRetryAfter ? $", Retry-After up to {RequestTimeout.Describe(MaxRetryAfter)}" : ", Retry-After ignored")
            + (RaiseOnExhausted ? ", raises when exhausted)" : ", returns the last response when exhausted)");
    }

    internal void Validate()
    {
        if (BackoffBase < TimeSpan.Zero) throw new ArgumentException($"RetryPolicy.BackoffBase must not be negative; got {BackoffBase}.");
        if (BackoffMax < BackoffBase) throw new ArgumentException($"RetryPolicy.BackoffMax ({BackoffMax}) must not be less than BackoffBase ({BackoffBase}).");
        if (MaxRetryAfter < TimeSpan.Zero) throw new ArgumentException($"RetryPolicy.MaxRetryAfter must not be negative; got {MaxRetryAfter}.");
    }
}
