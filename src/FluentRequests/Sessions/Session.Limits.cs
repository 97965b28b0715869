namespace FluentRequests;

// The limits that stop a hostile or broken server from exhausting memory (defaults in ResponseLimits).
public sealed partial class Session
{
    /// <summary>
    /// The most bytes a response body may have when it is held in memory: a call without <c>stream: true</c>, or
    /// <see cref="Response.Content"/>/<see cref="Response.ReadContentAsync"/> on a streamed one. A larger body raises
    /// <see cref="ResponseTooLargeException"/>, before any of it is read when its Content-Length says so. Streamed
    /// reads (<see cref="Response.SaveTo"/>, <see cref="Response.CopyTo"/>, <see cref="Response.IterChunks"/>,
    /// <see cref="Response.IterContent"/>, <see cref="Response.Raw"/>) buffer nothing and are not limited by it.
    /// </summary>
    /// <value>The default value is 128 MiB (134,217,728 bytes); <see langword="null"/> lifts the limit. Must be positive.</value>
    public long? MaxResponseBytes
    {
        get => _maxResponseBytes;
        set => _maxResponseBytes = value is null or > 0
            ? value
            : throw new ArgumentException($"MaxResponseBytes must be positive or null; got {value}.", nameof(value));
    }

    private long? _maxResponseBytes = ResponseLimits.MaxResponseBytes;

    /// <summary>
    /// The most bytes a gzip, deflate or br body may decode to per byte received, checked once 10 MiB are decoded:
    /// a decompression bomb (10 MB of gzip that expands to 10 GB) raises <see cref="DecompressionLimitException"/>
    /// while memory and disk are still untouched. Applies to every decoded read, streamed ones included; set
    /// <see langword="null"/> on a session meant for downloads of extremely compressible data to lift it.
    /// </summary>
    /// <value>The default value is 100 (ordinary text and JSON compress 3–20 to 1); <see langword="null"/> lifts the limit. At least 1.</value>
    public double? MaxDecompressionRatio
    {
        get => _maxDecompressionRatio;
        set => _maxDecompressionRatio = value is null or >= 1 ? value
            : throw new ArgumentException($"MaxDecompressionRatio must be at least 1 or null; got {value}.", nameof(value));
    }

    private double? _maxDecompressionRatio = ResponseLimits.MaxDecompressionRatio;

    /// <summary>
    /// The most bytes of response headers (status line included) read before giving up with a
    /// <see cref="ConnectionException"/> that names this limit, as soon as a server sends more. Rounded up to whole KiB.
    /// A value other than the default gives the session's requests a connection pool of their own.
    /// </summary>
    /// <value>The default value is 65,536 (64 KiB), SocketsHttpHandler's default. Must be positive.</value>
    public int MaxResponseHeadersBytes
    {
        get => _maxResponseHeadersBytes;
        set => _maxResponseHeadersBytes = value > 0 ? value
            : throw new ArgumentException($"MaxResponseHeadersBytes must be positive; got {value}.", nameof(value));
    }

    private int _maxResponseHeadersBytes = ResponseLimits.MaxResponseHeadersBytes;
}
