namespace FluentRequests.Benchmarks;

/// <summary>
/// The server <c>compare</c> and <c>allocs</c> talk to: by default <see cref="ServerProcess"/> (a child process, so the
/// client's CPU time and allocations are its own), or with <c>--in-process</c> a <see cref="BenchServer"/> sharing
/// this process (the figures then include the server's share).
/// </summary>
public sealed class ComparedServer : IAsyncDisposable
{
    private readonly BenchServer? _inProcess;
    private readonly ServerProcess? _child;

    private ComparedServer(BenchServer? inProcess, ServerProcess? child, Uri baseUri, Uri h2cUri)
    {
        _inProcess = inProcess;
        _child = child;
        BaseUri = baseUri;
        H2cUri = h2cUri;
    }

    /// <summary>The server's base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The same endpoints over HTTP/2 in the clear (h2c).</summary>
    public Uri H2cUri { get; }

    /// <summary>Whether the server shares this process.</summary>
    public bool InProcess => _inProcess is not null;

    /// <summary>Where the server runs, for the run's header line.</summary>
    public string Description => _child is { } child ? $"child process {child.Id}" : "this process";

    /// <summary>Starts the server in a child process, or in this one when <paramref name="inProcess"/>.</summary>
    public static async Task<ComparedServer> StartAsync(bool inProcess)
    {
        if (inProcess)
        {
            var server = await BenchServer.StartAsync().ConfigureAwait(false);
            return new ComparedServer(server, null, server.BaseUri, server.H2cUri);
        }
        var child = await ServerProcess.StartAsync().ConfigureAwait(false);
        return new ComparedServer(null, child, child.BaseUri, child.H2cUri);
    }

    /// <summary>The child's CPU time so far, or <see cref="TimeSpan.Zero"/> in process (already counted in ours).</summary>
    public TimeSpan ServerProcessorTime() => _child?.TotalProcessorTime() ?? TimeSpan.Zero;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _child?.Dispose();
        if (_inProcess is not null) await _inProcess.DisposeAsync().ConfigureAwait(false);
    }
}
