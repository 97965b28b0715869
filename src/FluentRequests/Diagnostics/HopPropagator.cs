using System.Diagnostics;

namespace FluentRequests;

/// <summary>
/// The <see cref="SocketsHttpHandler.ActivityHeadersPropagator"/> of every pooled handler. SocketsHttpHandler calls it
/// for each request that has an activity: its own hop span when the System.Net.Http source is listened to, else an
/// unrecorded child of <see cref="Activity.Current"/>. It writes nothing for a request whose trace context this library
/// already wrote (its own hop span) or must not write (<see cref="Session.PropagateTraceContext"/> off); otherwise it
/// does what <see cref="DistributedContextPropagator.Current"/> does, as a handler without it would. It also gives the
/// handler's hop span the call's <c>http.request.resend_count</c>, which only this library knows.
/// </summary>
internal sealed class HopPropagator : DistributedContextPropagator
{
    public static readonly HopPropagator Instance = new();

    private HopPropagator()
    {
    }

    public override IReadOnlyCollection<string> Fields => Current.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        if (carrier is ExchangeMessage message)
        {
            if (CallTelemetry.OfHop(message) is { } call)
            {
                if (call.HopResendCount > 0 && activity is { Kind: ActivityKind.Client, IsAllDataRequested: true }
                    && activity.Source.Name == Telemetry.SystemNetHttp.Name)
                {
                    activity.SetTag("http.request.resend_count", call.HopResendCount);
                }
                if (call.HopContextWritten) return;
            }
            if (message.Exchange is { WithholdTraceContext: true }) return;
        }
        Current.Inject(activity, carrier, setter);
    }

    public override void ExtractTraceIdAndState(
        object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
        => Current.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter)
        => Current.ExtractBaggage(carrier, getter);

    /// <summary>
    /// Writes <paramref name="hop"/>'s context (traceparent, tracestate, baggage: whatever the process's propagator writes)
    /// on <paramref name="message"/>, keeping a header the caller set.
    /// </summary>
    public static void WriteTraceContext(Activity hop, ExchangeMessage message)
    {
        Current.Inject(hop, message, static (carrier, name, value) =>
        {
            if (carrier is HttpRequestMessage request && name is not null && !request.Headers.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        });
    }
}
