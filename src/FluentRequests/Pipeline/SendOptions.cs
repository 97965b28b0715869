using System.Text.Json;

namespace FluentRequests;

/// <summary>The per-call settings after merging request arguments over session settings.</summary>
internal sealed class SendOptions
{
    public RequestTimeout Timeout { get; init; } = RequestTimeout.Default;
    public bool AllowRedirects { get; init; } = true;
    public int MaxRedirects { get; init; } = 30;
    public bool AllowHttpsToHttpRedirects { get; init; } = true;
    public IDictionary<string, string>? Proxies { get; init; }
    public Verify Verify { get; init; } = Verify.System;
    public ClientCert? Cert { get; init; }
    public bool Stream { get; init; }
    public RetryPolicy? Retry { get; init; }
    public Hooks? SessionHooks { get; init; }
    public CookieJar? SessionCookies { get; init; }
    public JsonSerializerOptions? JsonOptions { get; init; }
    public long? MaxResponseBytes { get; init; } = ResponseLimits.MaxResponseBytes;
    public double? MaxDecompressionRatio { get; init; } = ResponseLimits.MaxDecompressionRatio;
    public int MaxResponseHeadersBytes { get; init; } = ResponseLimits.MaxResponseHeadersBytes;

    public TransportKey TransportFor(PreparedRequest request)
    {
        string? proxy = ProxySelector.Select(Proxies, request.Uri);
        if (proxy is null && Cert is null && ReferenceEquals(Verify, FluentRequests.Verify.System)
            && MaxResponseHeadersBytes == ResponseLimits.MaxResponseHeadersBytes) return TransportKey.Default;
        return new TransportKey(Verify, Cert, proxy, Http2: false) { MaxResponseHeadersBytes = MaxResponseHeadersBytes };
    }
}
