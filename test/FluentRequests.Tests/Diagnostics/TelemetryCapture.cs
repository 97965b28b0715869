using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FluentRequests.Tests.Diagnostics;

/// <summary>
/// Listens to the FluentRequests ActivitySource and Meter (and, when asked, System.Net.Http's ActivitySource) for one test.
/// Listeners are process-wide and fixtures run in parallel, so it keeps only what belongs to this test: spans are sampled
/// only under its own root activity's trace, measurements only when their <c>server.port</c> is the test server's.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly int _port;

    public TelemetryCapture(int port, bool listenToSystemNetHttp = false, bool listenToFluentRequests = true, string? traceState = null)
    {
        _port = port;
        Root = new Activity("FluentRequests.Tests.Root");
        Root.SetIdFormat(ActivityIdFormat.W3C);
        if (traceState is not null) Root.TraceStateString = traceState;
        Root.Start();
        var traceId = Root.TraceId;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => (listenToFluentRequests && source.Name == "FluentRequests")
                                       || (listenToSystemNetHttp && source.Name == "System.Net.Http"),
            Sample = (ref ActivityCreationOptions<ActivityContext> options)
                => options.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId) _stopped.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (listenToFluentRequests && instrument.Meter.Name == "FluentRequests") listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>The test's root activity: the current activity of the test's flow, parent of every call span.</summary>
    public Activity Root { get; }

    public IReadOnlyList<Activity> Spans => _stopped.ToList();

    public IReadOnlyList<Activity> CallSpans => Spans.Where(a => a.OperationName == "FluentRequests.Call").ToList();

    /// <summary>Every Client span (from either source), in start order.</summary>
    public IReadOnlyList<Activity> ClientSpans => Spans.Where(a => a.Kind == ActivityKind.Client).OrderBy(a => a.StartTimeUtc).ToList();

    public Activity SingleCall
    {
        get
        {
            var calls = CallSpans;
            Assert.That(calls, Has.Count.EqualTo(1), "one call span");
            return calls[0];
        }
    }

    public IReadOnlyList<Measurement> Measurements(string instrument) => _measurements.Where(m => m.Instrument.Name == instrument).ToList();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
        Root.Stop();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
        if (copy.TryGetValue("server.port", out var port) && port is int p && p == _port) _measurements.Enqueue(new Measurement(instrument, value, copy));
    }

    internal sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
