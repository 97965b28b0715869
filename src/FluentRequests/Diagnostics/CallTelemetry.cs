using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// The telemetry of one observed call (<see cref="Telemetry.IsObserved"/>): the call's span, its metrics, the observer,
/// and what each request on the wire needs (<see cref="HopTelemetry"/>). A call nobody observes never creates one.
/// </summary>
internal sealed class CallTelemetry
{
    private readonly TelemetrySettings _settings;
    private readonly Activity? _span;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _method;
    private readonly Uri _uri;
    private readonly string? _url;
    private readonly bool _countedActive;
    private int _sent;
    private string? _protocolVersion;

    private CallTelemetry(PreparedRequest request, TelemetrySettings settings)
    {
        _settings = settings;
        _method = request.Method;
        _uri = request.Uri;
        bool traced = Telemetry.Source.HasListeners();
        if (traced || settings.Observer is not null) _url = UrlRedaction.Redact(_uri, settings.ShowQueryValues);
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
        settings.Observer?.OnStart(_method, _url!);
    }

    /// <summary>Runs <paramref name="call"/> observed: its span is the current activity, so every hop's span is its child.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<Response> ObserveAsync(Call call, bool async, CancellationToken cancellationToken)
    {
        var telemetry = new CallTelemetry(call.Current, call.Options.Telemetry);
        call.Options.CallTelemetry = telemetry;
        try
        {
            var response = await ResiliencePipelines.ExecuteCoreAsync(call, async, cancellationToken).ConfigureAwait(false);
            telemetry.End(call, response);
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
        message.ResendCount = resendCount;
        if (_span is null || Telemetry.SystemNetHttp.HasListeners()) return null;

        var uri = message.RequestUri!;
        string semanticMethod = Telemetry.Method(method, out bool known);
        var tags = new List<KeyValuePair<string, object?>>(7)
        {
            new("http.request.method", semanticMethod),
            new("server.address", Telemetry.ServerAddress(uri)),
            new("server.port", uri.Port),
            new("url.full", UrlRedaction.Redact(uri, _settings.ShowQueryValues)),
        };
        if (!known) tags.Add(new("http.request.method_original", method));
        if (resendCount > 0) tags.Add(new("http.request.resend_count", resendCount));
        var hop = Telemetry.Source.StartActivity(Telemetry.HopActivityName, ActivityKind.Client, _span.Context, tags);
        if (hop is null) return null;
        hop.DisplayName = known ? semanticMethod : "HTTP";
        if (_settings.PropagateTraceContext) HopPropagator.InjectOwn(hop, message);
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

    private void End(Call call, Response response)
    {
        int status = response.StatusCode;
        string? errorType = Telemetry.ErrorType(status);
        Finish(call, status, errorType, exception: null);
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
        foreach (var earlier in call.History)
        {
            if (earlier.IsRedirect) redirects++;
        }
        // Every request on the wire is the first of its hop, a retry of one, or an auth challenge's answer (not an attempt).
        int retries = Math.Max(0, call.Attempts - 1 - redirects);
        if (_span is not null)
        {
            if (_span.IsAllDataRequested)
            {
                if (status is { } code) _span.SetTag("http.response.status_code", code);
                if (status is not null && _protocolVersion is not null) _span.SetTag("network.protocol.version", _protocolVersion);
            }
            if (errorType is not null) SetError(_span, errorType);
            _span.Stop();
        }
        if (_countedActive) Telemetry.ActiveRequests.Add(-1, MetricTags());
        if (Telemetry.Duration.Enabled)
        {
            var tags = MetricTags();
            if (status is { } code) tags.Add("http.response.status_code", code);
            if (errorType is not null) tags.Add("error.type", errorType);
            if (status is not null && _protocolVersion is not null) tags.Add("network.protocol.version", _protocolVersion);
            Telemetry.Duration.Record(elapsed.TotalSeconds, tags);
        }
        if (retries > 0 && Telemetry.Retries.Enabled) Telemetry.Retries.Add(retries, MetricTags());
        if (redirects > 0 && Telemetry.Redirects.Enabled) Telemetry.Redirects.Add(redirects, MetricTags());
        if (_settings.Observer is { } observer)
        {
            if (exception is null) observer.OnEnd(_method, _url!, status!.Value, elapsed, redirects, retries);
            else observer.OnFailure(_method, _url!, exception, elapsed, redirects, retries);
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
