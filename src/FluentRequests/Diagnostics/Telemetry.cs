using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FluentRequests;

/// <summary>
/// The library's traces and metrics, both named <c>FluentRequests</c> (names, units and tags: docs/telemetry.md).
/// Everything here is checked before any work is done, so a call with nobody listening costs a few field reads.
/// </summary>
internal static class Telemetry
{
    public const string Name = "FluentRequests";

    /// <summary>The operation name of the span covering one call (redirects and retries included); kind Internal.</summary>
    public const string CallActivityName = "FluentRequests.Call";

    /// <summary>The operation name of the span of one request on the wire (a hop, or a retry of one); kind Client.</summary>
    public const string HopActivityName = "FluentRequests.Hop";

    public const string RetriesInstrumentName = "fluentrequests.client.retries";
    public const string RedirectsInstrumentName = "fluentrequests.client.redirects";

    public static readonly ActivitySource Source = new(Name, Version());

    /// <summary>
    /// A source with System.Net.Http's name, never started: it sees the same listeners as SocketsHttpHandler's own,
    /// which tells whether the handler makes a Client span for each hop (then this library does not make a second).
    /// </summary>
    public static readonly ActivitySource SystemNetHttp = new("System.Net.Http");

    private static readonly Meter Meter = new(Name, Version());

    /// <summary>The semantic conventions' bucket advice for <c>http.client.request.duration</c>.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "http.client.request.duration", "s", "Duration of HTTP client calls, redirects and retries included, until the call returns.",
        tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly UpDownCounter<long> ActiveRequests = Meter.CreateUpDownCounter<long>(
        "http.client.active_requests", "{request}", "Number of HTTP client calls in flight.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetriesInstrumentName, "{retry}", "Requests resent by the retry policy.");

    public static readonly Counter<long> Redirects = Meter.CreateCounter<long>(
        RedirectsInstrumentName, "{redirect}", "Redirects followed.");

    /// <summary>Whether spans or measurements of calls are wanted: the source or an instrument has a listener.</summary>
    public static bool IsListenedTo()
        => Source.HasListeners() || Duration.Enabled || ActiveRequests.Enabled || Retries.Enabled || Redirects.Enabled;

    /// <summary>The semantic conventions' method: one of the known methods, else <c>_OTHER</c>.</summary>
    public static string Method(string method, out bool known)
    {
        known = true;
        switch (method)
        {
            case "GET": return "GET";
            case "POST": return "POST";
            case "PUT": return "PUT";
            case "DELETE": return "DELETE";
            case "HEAD": return "HEAD";
            case "OPTIONS": return "OPTIONS";
            case "PATCH": return "PATCH";
            case "TRACE": return "TRACE";
            case "CONNECT": return "CONNECT";
            case "QUERY": return "QUERY";
            default:
                known = false;
                return "_OTHER";
        }
    }

    /// <summary>The host as <c>server.address</c>: an IPv6 address without its brackets.</summary>
    public static string ServerAddress(Uri uri)
        => uri.HostNameType == UriHostNameType.IPv6 ? uri.IdnHost.Trim('[', ']') : uri.IdnHost;

    public static string ProtocolVersion(Version version) => (version.Major, version.Minor) switch
    {
        (1, 0) => "1.0",
        (1, 1) => "1.1",
        (2, 0) => "2",
        (3, 0) => "3",
        _ => version.ToString(),
    };

    /// <summary>The semantic conventions' <c>error.type</c> of a response: its status code when 400 or above.</summary>
    public static string? ErrorType(int statusCode) => statusCode >= 400 ? StatusCodeText(statusCode) : null;

    public static string ErrorType(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    private static string StatusCodeText(int statusCode) => statusCode switch
    {
        400 => "400",
        401 => "401",
        403 => "403",
        404 => "404",
        429 => "429",
        500 => "500",
        502 => "502",
        503 => "503",
        504 => "504",
        _ => statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Version() => Session.DefaultUserAgent["FluentRequests/".Length..];
}
