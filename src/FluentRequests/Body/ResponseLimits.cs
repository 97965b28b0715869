namespace FluentRequests;

/// <summary>
/// The defaults of the limits that stop a hostile or broken server from exhausting memory: in one place, read by
/// <see cref="Session"/>'s settings and by <see cref="SendOptions"/>.
/// </summary>
internal static class ResponseLimits
{
    /// <summary>The most bytes <see cref="Response.Content"/> buffers: 128 MiB.</summary>
    public const long MaxResponseBytes = 128L * 1024 * 1024;

    /// <summary>The most decoded bytes per byte received for an encoded (gzip, deflate, br) body.</summary>
    public const double MaxDecompressionRatio = 100;

    /// <summary>
    /// The decoded bytes a body may reach before the ratio is checked: small bodies that compress extremely well
    /// (a page of spaces) are never refused, and a bomb is stopped long before memory grows.
    /// </summary>
    public const long DecompressionRatioFloor = 10L * 1024 * 1024;

    /// <summary>The most bytes of response headers (status line included), as SocketsHttpHandler's default: 64 KiB.</summary>
    public const int MaxResponseHeadersBytes = 64 * 1024;
}
