namespace FluentRequests;

/// <summary>
/// One request/response exchange on the wire: carries the request's timeouts into the shared handler's
/// connect callback, runs the read timer (headers, then every body read), and owns the response message
/// until the body is read or the streamed <see cref="Response"/> is disposed.
/// </summary>
internal sealed class Exchange : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationToken _token;
    private Phase _phase = Phase.Headers;

    // The read timer, re-armed lazily: arming only moves _deadline (Environment.TickCount64 milliseconds, as coarse as
    // the timer itself; NoDeadline when stopped), and the one ITimer, scheduled no later than the deadline, looks at it
    // when it fires and waits out the rest. So each re-arm (headers, then every body read) is a field write instead of
    // a CancelAfter, which takes the shared timer queue's lock (contended at concurrency 32 in the profile,
    // docs/performance.md).
    private const long NoDeadline = long.MaxValue;
    private static readonly TimeSpan Never = System.Threading.Timeout.InfiniteTimeSpan;
    private long _deadline = NoDeadline;
    private ITimer? _readTimer;
    private bool _scheduled;
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
        lock (this) Arm(timeout.Read);
    }

    public RequestTimeout Timeout { get; }

    /// <summary>Whether the request is sent synchronously: a connection it opens is then connected with blocking calls.</summary>
    public bool IsSync { get; }

    /// <summary>Whether the handler must write no trace context for this request (Session.PropagateTraceContext off; see HopPropagator).</summary>
    public bool WithholdTraceContext { get; set; }

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
        lock (this)
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
        lock (this)
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
        lock (this)
        {
            if (_phase == Phase.Done) return;
            _phase = Phase.Done;
        }
        _message?.Dispose();
        _readTimer?.Dispose();
        _timer.Dispose();
    }

    private void ArmIf(Phase phase, TimeSpan? limit)
    {
        lock (this)
        {
            if (_phase == phase) Arm(limit);
        }
    }

    /// <summary>
    /// Starts the read limit over from now (<paramref name="limit"/>), or stops it (<c>null</c>). Called under the lock
    /// (on this: the class is internal, so nothing else takes it).
    /// </summary>
    private void Arm(TimeSpan? limit)
    {
        if (limit is not { } l)
        {
            _deadline = NoDeadline;
            return;
        }
        _deadline = Environment.TickCount64 + (long)Math.Ceiling(l.TotalMilliseconds);
        if (_scheduled || _phase == Phase.Done) return;
        _scheduled = true;
        if (_readTimer is null) _readTimer = TimeProvider.System.CreateTimer(static e => ((Exchange)e!).OnTimer(), this, l, Never);
        else _readTimer.Change(l, Never);
    }

    /// <summary>The timer fired: the read limit ran out, or it was re-armed since and the rest is waited out.</summary>
    private void OnTimer()
    {
        lock (this)
        {
            if (_phase == Phase.Done) return;
            if (_deadline == NoDeadline)
            {
                _scheduled = false;
                return;
            }
            long left = _deadline - Environment.TickCount64;
            if (left > 0)
            {
                _readTimer!.Change(TimeSpan.FromMilliseconds(left), Never);
                return;
            }
            _deadline = NoDeadline;
            _scheduled = false;
        }
        try
        {
            _timer.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The exchange ended between the check and the cancel: nothing is left to time out.
        }
    }
}
