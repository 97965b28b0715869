using System.Diagnostics;

namespace FluentRequests;

/// <summary>
/// The three points where <see cref="HttpSender"/> tells telemetry about a request on the wire. Each costs a field read
/// or two when the call is not observed (<see cref="SendOptions.CallTelemetry"/> is <c>null</c>).
/// </summary>
internal static class HopTelemetry
{
    /// <summary>Before sending: applies <see cref="Session.PropagateTraceContext"/> and starts the hop's span if there is one.</summary>
    public static Activity? Start(SendOptions options, ExchangeMessage message, PreparedRequest request)
    {
        if (!options.Telemetry.PropagateTraceContext) message.TraceContextHandled = true;
        return options.CallTelemetry?.StartHop(message, request.Method);
    }

    /// <summary>The response's headers arrived: ends the hop's span.</summary>
    public static void Received(SendOptions options, Activity? hop, HttpResponseMessage received)
        => options.CallTelemetry?.HopReceived(hop, received);

    /// <summary>The send failed with <paramref name="mapped"/> (already mapped to the exception tree): ends the hop's span; returns the exception.</summary>
    public static Exception Failed(Activity? hop, Exception mapped)
    {
        CallTelemetry.HopFailed(hop, mapped);
        return mapped;
    }
}
