using System.Net;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>
/// A session's settings as read from <c>FluentRequests:Sessions:{name}</c> (named options): only the keys present are set,
/// and each problem is kept as a message naming its full key, for <see cref="SessionSettingsValidator"/> to report.
/// </summary>
internal sealed class SessionSettings
{
    public List<string> Errors { get; } = [];

    /// <summary>The keys present (full paths), to tell which transport settings were set.</summary>
    public List<string> TransportKeys { get; } = [];

    public string? BaseUrl { get; set; }
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool TimeoutSet { get; set; }
    public TimeSpan? ConnectTimeout { get; set; } = RequestTimeout.Default.Connect;
    public TimeSpan? ReadTimeout { get; set; } = RequestTimeout.Default.Read;
    public TimeSpan? TotalTimeout { get; set; } = RequestTimeout.Default.Total;
    public RetryPolicy? Retry { get; set; }
    public int? MaxRedirects { get; set; }
    public Dictionary<string, string> Proxies { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Verify? Verify { get; set; }
    public ClientCert? Cert { get; set; }
    public Version? HttpVersion { get; set; }
    public HttpVersionPolicy? HttpVersionPolicy { get; set; }
    public bool? TrustEnv { get; set; }
    public bool MaxResponseBytesSet { get; set; }
    public long? MaxResponseBytes { get; set; }
    public bool MaxDecompressionRatioSet { get; set; }
    public double? MaxDecompressionRatio { get; set; }
    public int? MaxResponseHeadersBytes { get; set; }
    public bool? ShowQueryValuesInTelemetry { get; set; }
    public bool? PropagateTraceContext { get; set; }

    public void ApplyTo(Session session)
    {
        if (BaseUrl is not null) session.BaseUrl = BaseUrl;
        foreach (var (name, value) in Headers) session.Headers[name] = value;
        if (TimeoutSet) session.Timeout = new RequestTimeout(ConnectTimeout, ReadTimeout, TotalTimeout);
        if (Retry is not null) session.Retry = Retry;
        if (MaxRedirects is { } maxRedirects) session.MaxRedirects = maxRedirects;
        foreach (var (scheme, url) in Proxies) session.Proxies[scheme] = url;
        if (Verify is not null) session.Verify = Verify;
        if (Cert is not null) session.Cert = Cert;
        if (HttpVersion is not null) session.HttpVersion = HttpVersion;
        if (HttpVersionPolicy is { } policy) session.HttpVersionPolicy = policy;
        if (TrustEnv is { } trustEnv) session.TrustEnv = trustEnv;
        if (MaxResponseBytesSet) session.MaxResponseBytes = MaxResponseBytes;
        if (MaxDecompressionRatioSet) session.MaxDecompressionRatio = MaxDecompressionRatio;
        if (MaxResponseHeadersBytes is { } headerBytes) session.MaxResponseHeadersBytes = headerBytes;
        if (ShowQueryValuesInTelemetry is { } showQuery) session.ShowQueryValuesInTelemetry = showQuery;
        if (PropagateTraceContext is { } propagate) session.PropagateTraceContext = propagate;
    }
}
