namespace FluentRequests;

/// <summary>
/// One request/response exchange on the wire: carries the request's timeouts into the shared handler's
/// connect callback, runs the read timer (headers, then every body read), and owns the response message
/// until the body is read or the streamed <see cref="Response"/> is disposed.
/// </summary>
internal sealed class Exchange : IDisposable
{
    private static readonly HttpRequestOptionsKey<Exchange> Key = new("FluentRequests.Exchange");
    private readonly object _gate = new();
    private readonly CancellationTokenSource _timer;
    private Phase _phase = Phase.Headers;
    private HttpResponseMessage? _message;
    private CancellationTokenRegistration _abortOnTimeout;

    private enum Phase { Headers, Body, Done }

    public Exchange(HttpRequestMessage request, RequestTimeout timeout, CancellationToken outer)
    {
        Timeout = timeout;
        Outer = outer;
        _timer = outer.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(outer) : new CancellationTokenSource();
        request.Options.Set(Key, this);
        // Until a new connection is being made, the wait for headers is bounded by the read limit; a
        // connect in between pauses it (the connect limit applies there) and restarts it once connected.
        Arm(timeout.Read);
    }

    public RequestTimeout Timeout { get; }

    /// <summary>The caller's token (user cancellation and the total deadline).</summary>
    public CancellationToken Outer { get; }

    /// <summary>Cancelled by the read timer or by <see cref="Outer"/>.</summary>
    public CancellationToken Token => _timer.Token;

    /// <summary>Whether the read timer, not the caller, cancelled <see cref="Token"/>.</summary>
    public bool ReadTimerFired => _timer.IsCancellationRequested && !Outer.IsCancellationRequested;

    public static Exchange? Of(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(Key, out var exchange) ? exchange : null;

    public void OnConnecting() => ArmIf(Phase.Headers, null);

    public void OnConnected() => ArmIf(Phase.Headers, Timeout.Read);

    /// <summary>Headers arrived: from now on the timer runs only during body reads, and firing aborts the message (sync reads take no token).</summary>
    public void BeginBody(HttpResponseMessage message)
    {
        lock (_gate)
        {
            if (_phase != Phase.Headers) return;
            _phase = Phase.Body;
            _message = message;
            Arm(null);
            _abortOnTimeout = _timer.Token.UnsafeRegister(static m => ((HttpResponseMessage)m!).Dispose(), message);
        }
    }

    public void BeforeRead() => ArmIf(Phase.Body, Timeout.Read);

    public void AfterRead() => ArmIf(Phase.Body, null);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_phase == Phase.Done) return;
            _phase = Phase.Done;
        }
        _abortOnTimeout.Dispose();
        _message?.Dispose();
        _timer.Dispose();
    }

    private void ArmIf(Phase phase, TimeSpan? limit)
    {
        lock (_gate)
        {
            if (_phase == phase) Arm(limit);
        }
    }

    private void Arm(TimeSpan? limit)
    {
        if (!_timer.IsCancellationRequested) _timer.CancelAfter(limit ?? System.Threading.Timeout.InfiniteTimeSpan);
    }
}
