namespace FluentRequests;

/// <summary>
/// Thrown by <see cref="TimedNetworkStream"/> when a synchronous body read waited longer than the read timeout;
/// mapped to <see cref="ReadTimeoutException"/>.
/// </summary>
internal sealed class ReadTimeoutSignal(TimeSpan limit)
    : IOException($"No data received for {RequestTimeout.Describe(limit)} while reading the response body")
{
    public TimeSpan Limit { get; } = limit;
}
