using System.Diagnostics;

namespace FluentRequests;

/// <summary>
/// The three points where <see cref="HttpSender"/> tells telemetry about a request on the wire. Each costs a field read
/// or two when the call is not observed.
/// </summary>
internal static class HopTelemetry
{
    /// <summary>Before sending: applies <see cref="Session.PropagateTraceContext"/> and starts the hop's span if there is one.</summary>
    public static Activity? Start(SendOptions options, ExchangeMessage message, Exchange exchange)
    {
        if (!options.PropagateTraceContext) exchange.WithholdTraceContext = true;
        return CallTelemetry.Of(options)?.StartHop(message, message.Method.Method);
    }

    /// <summary>The response's headers arrived: ends the hop's span.</summary>
    public static void Received(SendOptions options, Activity? hop, HttpResponseMessage received)
        => CallTelemetry.Of(options)?.HopReceived(hop, received);

    /// <summary>The send failed with <paramref name="mapped"/> (already mapped to the exception tree): ends the hop's span; returns the exception.</summary>
    public static Exception Failed(Activity? hop, Exception mapped)
    {
        CallTelemetry.HopFailed(hop, mapped);
        return mapped;
    }
}
