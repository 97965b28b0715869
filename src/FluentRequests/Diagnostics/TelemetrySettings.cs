namespace FluentRequests;

/// <summary>A session's telemetry settings, one immutable object per change, handed to every call in its <see cref="SendOptions"/>.</summary>
internal sealed class TelemetrySettings(bool propagateTraceContext, bool showQueryValues, ICallObserver? observer)
{
    public static readonly TelemetrySettings Default = new(propagateTraceContext: true, showQueryValues: false, observer: null);

    /// <summary>Whether <c>traceparent</c>/<c>tracestate</c> go out on every hop (<see cref="Session.PropagateTraceContext"/>).</summary>
    public bool PropagateTraceContext { get; } = propagateTraceContext;

    /// <summary>Whether <c>url.full</c> and the observer's URL keep query values (<see cref="Session.ShowQueryValuesInTelemetry"/>).</summary>
    public bool ShowQueryValues { get; } = showQueryValues;

    /// <summary>The per-call observer, or <c>null</c> (the default: nothing is called).</summary>
    public ICallObserver? Observer { get; } = observer;
}
