namespace FluentRequests;

// Traces and metrics (docs/telemetry.md): what a session lets its calls show and send.
public sealed partial class Session
{
    private TelemetrySettings _telemetry = TelemetrySettings.Default;

    /// <summary>
    /// Whether every request on the wire carries the W3C trace context (<c>traceparent</c>, and <c>tracestate</c> and
    /// <c>baggage</c> when there are any) of the current trace: the span of that request when the <c>FluentRequests</c>
    /// ActivitySource is listened to, else that of <see cref="System.Diagnostics.Activity.Current"/>, as HttpClient does.
    /// A header of the same name set on the request is sent as set. <see langword="false"/> sends none (for servers outside
    /// your trust boundary); spans and metrics are recorded either way.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool PropagateTraceContext
    {
        get => _telemetry.PropagateTraceContext;
        set => _telemetry = new TelemetrySettings(value, _telemetry.ShowQueryValues, _telemetry.Observer);
    }

    /// <summary>
    /// Whether the <c>url.full</c> attribute of spans shows query values. By default the query is redacted to <c>*</c>
    /// (<c>https://example.com/search?*</c>), as System.Net.Http does, since query strings often carry tokens. The
    /// userinfo (<c>user:password@</c>) is never shown.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ShowQueryValuesInTelemetry
    {
        get => _telemetry.ShowQueryValues;
        set => _telemetry = new TelemetrySettings(_telemetry.PropagateTraceContext, value, _telemetry.Observer);
    }

    /// <summary>Told about every call of this session (start, end, failure), for logging; <c>null</c> (the default) costs nothing.</summary>
    internal ICallObserver? CallObserver
    {
        get => _telemetry.Observer;
        set => _telemetry = new TelemetrySettings(_telemetry.PropagateTraceContext, _telemetry.ShowQueryValues, value);
    }

    internal TelemetrySettings TelemetrySettings => _telemetry;
}
