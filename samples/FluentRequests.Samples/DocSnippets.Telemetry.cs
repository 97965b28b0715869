using System.Diagnostics;
using FluentRequests;

namespace FluentRequests.Samples;

// The C# blocks of docs/telemetry.md, compiled so they stay true.
public static partial class DocSnippets
{
    // docs/telemetry.md, without OpenTelemetry
    public static void ListenToSpans(string url)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "FluentRequests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span => Console.WriteLine($"{span.DisplayName} {span.Kind} {span.GetTagItem("url.full")} {span.Duration}"),
        };
        ActivitySource.AddActivityListener(listener);
        Requests.Get(url);
    }

    // docs/telemetry.md, options
    public static void TelemetryOptions()
    {
        using var session = new Session
        {
            PropagateTraceContext = false,       // no traceparent/tracestate/baggage to these servers
            ShowQueryValuesInTelemetry = true,   // url.full keeps the query values (never the userinfo)
        };
    }
}
