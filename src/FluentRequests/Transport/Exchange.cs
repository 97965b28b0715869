namespace FluentRequests;

/// <summary>
/// One request/response exchange on the wire: carries the request's timeouts into the shared handler's
/// connect callback, runs the read timer (headers, then every body read), and owns the response message
/// until the body is read or the streamed <see cref="Response"/> is disposed.
/// </summary>
internal sealed class Exchange : IDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _timer;
    private readonly CancellationToken _token;
    private Phase _phase = Phase.Headers;
    private HttpResponseMessage? _message;
    private volatile bool _syncReadTimedOut;

    private enum Phase { Headers, Body, Done }

    public Exchange(ExchangeMessage request, RequestTimeout timeout, CancellationToken outer, bool isSync)
    {
        Timeout = timeout;
        IsSync = isSync;
        Outer = outer;
        _timer = outer.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(outer) : new CancellationTokenSource();
        // Kept apart from the source: a read racing the exchange's disposal can still ask it.
        _token = _timer.Token;
        request.Exchange = this;
        // Until a new connection is being made, the wait for headers is bounded by the read limit; a
        // connect in between pauses it (the connect limit applies there) and restarts it once connected.
        Arm(timeout.Read);
    }

    public RequestTimeout Timeout { get; }

    /// <summary>Whether the request is sent synchronously: a connection it opens is then connected with blocking calls.</summary>
    public bool IsSync { get; }

    /// <summary>The caller's token (user cancellation and the total deadline).</summary>
    public CancellationToken Outer { get; }

    /// <summary>Cancelled by the read timer or by <see cref="Outer"/>.</summary>
    public CancellationToken Token => _token;

    /// <summary>
    /// Whether the read limit, not the caller, ended the exchange: the timer cancelled <see cref="Token"/>, or a
    /// synchronous body read gave up waiting (<see cref="OnReadTimedOut"/>).
    /// </summary>
    public bool ReadTimerFired => !Outer.IsCancellationRequested && (_syncReadTimedOut || _token.IsCancellationRequested);

    public static Exchange? Of(HttpRequestMessage? request)
        => (request as ExchangeMessage)?.Exchange;

    public void OnConnecting() => ArmIf(Phase.Headers, null);

    public void OnConnected() => ArmIf(Phase.Headers, Timeout.Read);

    /// <summary>
    /// Headers arrived: from now on the timer runs only during asynchronous body reads. Synchronous reads take no
    /// token; <see cref="TimedNetworkStream"/> bounds them by the read limit on the socket itself.
    /// </summary>
    /// <param name="message">The response.</param>
    /// <param name="watchSyncReads">
    /// Whether a synchronous body read can block where <see cref="TimedNetworkStream"/> does not reach: under a caller's
    /// handler, or on HTTP/2 (a connection-wide reader fills the stream). Then <see cref="BeforeSyncRead"/> runs the timer
    /// and its firing disposes the response, which ends the blocked read.
    /// </param>
    public void BeginBody(HttpResponseMessage message, bool watchSyncReads = false)
    {
        lock (_gate)
        {
            if (_phase != Phase.Headers) return;
            _phase = Phase.Body;
            _message = message;
            WatchesSyncReads = watchSyncReads;
            Arm(null);
        }
    }

    /// <summary>Whether synchronous body reads run the timer (see <see cref="BeginBody"/>).</summary>
    public bool WatchesSyncReads { get; private set; }

    /// <summary>A synchronous body read that <see cref="TimedNetworkStream"/> cannot bound starts: the timer bounds it instead.</summary>
    public void BeforeSyncRead()
    {
        if (Interlocked.Exchange(ref _abortRegistered, 1) == 0) _token.UnsafeRegister(static state => ((Exchange)state!).AbortBody(), this);
        BeforeRead();
    }

    private int _abortRegistered;

    private void AbortBody()
    {
        HttpResponseMessage? message;
        lock (_gate)
        {
            if (_phase != Phase.Body) return;
            message = _message;
        }
        // Disposing may wait while the handler drains the connection: not on the timer's thread.
        if (message is not null) ThreadPool.UnsafeQueueUserWorkItem(static m => m.Dispose(), message, preferLocal: false);
    }

    public void BeforeRead() => ArmIf(Phase.Body, Timeout.Read);

    public void AfterRead() => ArmIf(Phase.Body, null);

    /// <summary>A synchronous body read waited longer than the read limit.</summary>
    public void OnReadTimedOut() => _syncReadTimedOut = true;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_phase == Phase.Done) return;
            _phase = Phase.Done;
        }
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
