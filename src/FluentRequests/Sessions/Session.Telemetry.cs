using System.Runtime.CompilerServices;

namespace FluentRequests;

// Traces and metrics (docs/telemetry.md): what a session lets its calls show and send. Two bools, kept in the padding
// of the session's other small fields, and an observer held outside the session: a session costs no more bytes
// than before telemetry.
public sealed partial class Session
{
    private static readonly ConditionalWeakTable<Session, ICallObserver> Observers = new();
    private static volatile bool s_anyObserver;

    /// <summary>
    /// Whether every request on the wire carries the W3C trace context (<c>traceparent</c>, and <c>tracestate</c> and
    /// <c>baggage</c> when there are any) of the current trace: the span of that request when the <c>FluentRequests</c>
    /// ActivitySource is listened to, else that of <see cref="System.Diagnostics.Activity.Current"/>, as HttpClient does.
    /// A header of the same name set on the request is sent as set. <see langword="false"/> sends none (for servers outside
    /// your trust boundary); spans and metrics are recorded either way.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool PropagateTraceContext { get; set; } = true;

    /// <summary>
    /// Whether telemetry (the <c>url.full</c> attribute of spans, and logged URLs) shows query values. By default the query is redacted to <c>*</c>
    /// (<c>https://example.com/search?*</c>), as System.Net.Http does, since query strings often carry tokens. The
    /// userinfo (<c>user:password@</c>) is never shown.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ShowQueryValuesInTelemetry { get; set; }

    /// <summary>
    /// Told about every call of this session (start, end, failure), for logging; <c>null</c> (the default) costs a static
    /// field read per call.
    /// </summary>
    internal ICallObserver? CallObserver
    {
        get => s_anyObserver && Observers.TryGetValue(this, out var observer) ? observer : null;
        set
        {
            if (value is null)
            {
                Observers.Remove(this);
                return;
            }
            Observers.AddOrUpdate(this, value);
            s_anyObserver = true;
        }
    }
}
