using System.Diagnostics;
using System.Reflection;

namespace FluentRequests.Benchmarks;

/// <summary>
/// The <see cref="TransferServer"/> (transfer, compare and allocs endpoints) in a child process: this benchmark's own
/// binary re-run with <c>serve</c>. Disposing
/// closes the child's stdin (it stops on its own) and kills it if it has not exited within 5 s.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseUri, Uri h2cUri)
    {
        _process = process;
        BaseUri = baseUri;
        H2cUri = h2cUri;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The same endpoints over HTTP/2 in the clear (h2c, prior knowledge).</summary>
    public Uri H2cUri { get; }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts the child and waits (at most 30 s) for the address it listens on.</summary>
    public static async Task<ServerProcess> StartAsync()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to re-run.");
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run as "dotnet FluentRequests.Benchmarks.dll": the child needs the assembly; run from the apphost: it does not.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }
        start.ArgumentList.Add("serve");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host} serve.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The server process said '{line}' instead of its address.");
            }
            string? h2c = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            if (h2c is null || !h2c.StartsWith("listening-h2c ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The server process said '{h2c}' instead of its h2c address.");
            }
            return new ServerProcess(process, new Uri(line["listening ".Length..]), new Uri(h2c["listening-h2c ".Length..]));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>The server process's CPU time (user + kernel) so far.</summary>
    public TimeSpan TotalProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The server process's peak resident set (VmHWM, bytes), or -1 if unreadable.</summary>
    public long PeakResidentBytes() => ProcMemory.ReadStatusKilobytes($"/proc/{_process.Id}/status", "VmHWM:") * 1024;

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
