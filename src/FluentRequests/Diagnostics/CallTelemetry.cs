using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// The telemetry of one observed call: its span, its metrics, the observer, and what each request on the wire needs
/// (<see cref="HopTelemetry"/>, <see cref="HopPropagator"/>). A call that nothing observes never creates one, and then
/// costs no allocation: the per-call state is found through an async-local set only for observed calls.
/// </summary>
internal sealed class CallTelemetry
{
    private static readonly AsyncLocal<CallTelemetry?> CurrentCall = new();
    private static volatile bool s_anyObserved;

    private readonly SendOptions _options;
    private readonly ICallObserver? _observer;
    private readonly bool _showQueryValues;
    private readonly Activity? _span;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _method;
    private readonly Uri _uri;
    private readonly string? _url;
    private readonly bool _countedActive;
    private int _sent;
    private string? _protocolVersion;
    private ExchangeMessage? _hopMessage;
    private bool _hopContextWritten;

    private CallTelemetry(PreparedRequest request, SendOptions options, ICallObserver? observer, bool showQueryValues)
    {
        _options = options;
        _observer = observer;
        _showQueryValues = showQueryValues;
        _method = request.Method;
        _uri = request.Uri;
        bool traced = Telemetry.Source.HasListeners();
        if (traced || observer is not null) _url = UrlRedaction.Redact(_uri, showQueryValues);
        if (traced)
        {
            string method = Telemetry.Method(_method, out bool known);
            _span = Telemetry.Source.StartActivity(Telemetry.CallActivityName, ActivityKind.Internal, parentContext: default, RequestTags(method, known));
            if (_span is not null) _span.DisplayName = known ? method : "HTTP";
        }
        if (Telemetry.ActiveRequests.Enabled)
        {
            Telemetry.ActiveRequests.Add(1, MetricTags());
            _countedActive = true;
        }
        observer?.OnStart(_method, _url!);
    }

    /// <summary>Runs <paramref name="call"/>, observed when the session has an observer or anything listens.</summary>
    public static ValueTask<Response> ExecuteAsync(Call call, Session session, bool async, CancellationToken cancellationToken)
        => session.CallObserver is null && !Telemetry.IsListenedTo()
            ? ResiliencePipelines.ExecuteAsync(call, async, cancellationToken)
            : ObserveAsync(call, session.CallObserver, session.ShowQueryValuesInTelemetry, async, cancellationToken);

    /// <summary>The telemetry of the call whose options are <paramref name="options"/>, if it is observed.</summary>
    public static CallTelemetry? Of(SendOptions options)
        => s_anyObserved && CurrentCall.Value is { } call && ReferenceEquals(call._options, options) ? call : null;

    /// <summary>The telemetry of the call now sending <paramref name="message"/>, if it is observed.</summary>
    public static CallTelemetry? OfHop(ExchangeMessage message)
        => s_anyObserved && CurrentCall.Value is { } call && ReferenceEquals(call._hopMessage, message) ? call : null;

    /// <summary>Whether this library wrote the trace context of the request on the wire (its own hop span's).</summary>
    public bool HopContextWritten => _hopContextWritten;

    /// <summary>The requests of this call sent before the one on the wire now.</summary>
    public int HopResendCount => _sent - 1;

    // The span is the current activity inside, so every hop's span is its child; the async-local is restored on return.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Response> ObserveAsync(
        Call call, ICallObserver? observer, bool showQueryValues, bool async, CancellationToken cancellationToken)
    {
        s_anyObserved = true;
        var telemetry = new CallTelemetry(call.Current, call.Options, observer, showQueryValues);
        CurrentCall.Value = telemetry;
        try
        {
            var response = await ResiliencePipelines.ExecuteAsync(call, async, cancellationToken).ConfigureAwait(false);
            telemetry.Finish(call, response.StatusCode, Telemetry.ErrorType(response.StatusCode), exception: null);
            return response;
        }
        catch (Exception e) when (telemetry.Fail(call, e))
        {
            throw;
        }
    }

    /// <summary>
    /// A request goes on the wire. Returns its Client span, or <c>null</c> when this call is not traced, or when
    /// SocketsHttpHandler's own System.Net.Http source is listened to: then the handler's span is the hop's (one Client
    /// span per hop, never two) and <see cref="HopPropagator"/> adds the resend count to it.
    /// </summary>
    public Activity? StartHop(ExchangeMessage message, string method)
    {
        int resendCount = _sent++;
        _hopMessage = message;
        _hopContextWritten = false;
        if (_span is null || Telemetry.SystemNetHttp.HasListeners()) return null;

        var uri = message.RequestUri!;
        string semanticMethod = Telemetry.Method(method, out bool known);
        var tags = new List<KeyValuePair<string, object?>>(6)
        {
            new("http.request.method", semanticMethod),
            new("server.address", Telemetry.ServerAddress(uri)),
            new("server.port", uri.Port),
            new("url.full", UrlRedaction.Redact(uri, _showQueryValues)),
        };
        if (!known) tags.Add(new("http.request.method_original", method));
        if (resendCount > 0) tags.Add(new("http.request.resend_count", resendCount));
        var hop = Telemetry.Source.StartActivity(Telemetry.HopActivityName, ActivityKind.Client, _span.Context, tags);
        if (hop is null) return null;
        hop.DisplayName = known ? semanticMethod : "HTTP";
        if (_options.PropagateTraceContext)
        {
            HopPropagator.WriteTraceContext(hop, message);
            _hopContextWritten = true;
        }
        return hop;
    }

    public void HopReceived(Activity? hop, HttpResponseMessage received)
    {
        _protocolVersion = Telemetry.ProtocolVersion(received.Version);
        if (hop is null) return;
        int status = (int)received.StatusCode;
        if (hop.IsAllDataRequested)
        {
            hop.SetTag("http.response.status_code", status);
            hop.SetTag("network.protocol.version", _protocolVersion);
        }
        if (Telemetry.ErrorType(status) is { } errorType) SetError(hop, errorType);
        hop.Stop();
    }

    public static void HopFailed(Activity? hop, Exception exception)
    {
        if (hop is null) return;
        SetError(hop, Telemetry.ErrorType(exception));
        hop.Stop();
    }

    /// <summary>Records a failed call; always <c>false</c>, so the exception goes on untouched (an exception filter).</summary>
    private bool Fail(Call call, Exception exception)
    {
        Finish(call, status: null, Telemetry.ErrorType(exception), exception);
        return false;
    }

    private void Finish(Call call, int? status, string? errorType, Exception? exception)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        int redirects = 0;
        var history = call.History;
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i].IsRedirect) redirects++;
        }
        // Each attempt is the first request of its hop or a retry of it (an auth challenge's answer is not an attempt).
        int retries = Math.Max(0, call.Attempts - 1 - redirects);
        if (_span is not null)
        {
            if (_span.IsAllDataRequested && status is { } code)
            {
                _span.SetTag("http.response.status_code", code);
                if (_protocolVersion is not null) _span.SetTag("network.protocol.version", _protocolVersion);
            }
            if (errorType is not null) SetError(_span, errorType);
            _span.Stop();
        }
        if (_countedActive) Telemetry.ActiveRequests.Add(-1, MetricTags());
        if (Telemetry.Duration.Enabled)
        {
            var tags = MetricTags();
            if (status is { } code)
            {
                tags.Add("http.response.status_code", code);
                if (_protocolVersion is not null) tags.Add("network.protocol.version", _protocolVersion);
            }
            if (errorType is not null) tags.Add("error.type", errorType);
            Telemetry.Duration.Record(elapsed.TotalSeconds, tags);
        }
        if (retries > 0 && Telemetry.Retries.Enabled) Telemetry.Retries.Add(retries, MetricTags());
        if (redirects > 0 && Telemetry.Redirects.Enabled) Telemetry.Redirects.Add(redirects, MetricTags());
        if (_observer is not null)
        {
            if (exception is null) _observer.OnEnd(_method, _url!, status!.Value, elapsed, redirects, retries);
            else _observer.OnFailure(_method, _url!, exception, elapsed, redirects, retries);
        }
    }

    private static void SetError(Activity activity, string errorType)
    {
        if (activity.IsAllDataRequested) activity.SetTag("error.type", errorType);
        // No description: an exception's message names the URL, which may carry credentials in its query.
        activity.SetStatus(ActivityStatusCode.Error);
    }

    private KeyValuePair<string, object?>[] RequestTags(string method, bool known)
    {
        var tags = new KeyValuePair<string, object?>[known ? 4 : 5];
        tags[0] = new("http.request.method", method);
        tags[1] = new("server.address", Telemetry.ServerAddress(_uri));
        tags[2] = new("server.port", _uri.Port);
        tags[3] = new("url.full", _url);
        if (!known) tags[4] = new("http.request.method_original", _method);
        return tags;
    }

    /// <summary>The tags every instrument has: the semantic conventions' request attributes of the call's first request.</summary>
    private TagList MetricTags() => new()
    {
        { "http.request.method", Telemetry.Method(_method, out _) },
        { "server.address", Telemetry.ServerAddress(_uri) },
        { "server.port", _uri.Port },
        { "url.scheme", _uri.Scheme },
    };
}
