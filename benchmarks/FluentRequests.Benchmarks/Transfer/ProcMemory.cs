using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace FluentRequests.Benchmarks;

/// <summary>
/// Peak working-set growth of this process over one measured transfer. The working set is the resident set on Linux
/// (what <see cref="Environment.WorkingSet"/> returns), and its peak is the kernel's own high-water mark: writing <c>5</c>
/// to <c>/proc/self/clear_refs</c> resets <c>VmHWM</c> to the current <c>VmRSS</c>, and <c>VmHWM</c> read afterwards is the
/// exact peak in between (every page fault counted, nothing sampled, nothing allocated while the transfer runs).
/// Where the reset is not allowed, a thread samples <c>/proc/self/statm</c> every millisecond instead, without allocating.
/// </summary>
public sealed class ProcMemory : IDisposable
{
    private readonly bool _kernelPeak;
    private readonly long _baseline;
    private readonly Thread? _sampler;
    private volatile bool _stop;
    private long _sampledPeak;

    private ProcMemory()
    {
        // A full, compacting collection that gives free memory back to the OS, so every transfer starts from the same floor.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _kernelPeak = TryResetPeak();
        _baseline = ReadStatusKilobytes("/proc/self/status", "VmRSS:") * 1024;
        if (!_kernelPeak)
        {
            _sampledPeak = _baseline;
            _sampler = new Thread(Sample) { IsBackground = true, Name = "working-set sampler", Priority = ThreadPriority.AboveNormal };
            _sampler.Start();
        }
    }

    /// <summary>How the peak is measured: <c>VmHWM</c> (exact) or <c>statm sampled every 1 ms</c>.</summary>
    public static string Method => TryResetPeak() ? "VmHWM after a reset through /proc/self/clear_refs (exact)" : "/proc/self/statm sampled every 1 ms";

    /// <summary>The resident set when measuring started, in bytes.</summary>
    public long BaselineBytes => _baseline;

    /// <summary>Collects, resets the peak and records the baseline.</summary>
    public static ProcMemory Start() => new();

    /// <summary>The peak resident set since <see cref="Start"/> minus the baseline, in bytes.</summary>
    public long PeakGrowthBytes()
    {
        long peak = _kernelPeak ? ReadStatusKilobytes("/proc/self/status", "VmHWM:") * 1024 : Interlocked.Read(ref _sampledPeak);
        return peak - _baseline;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop = true;
        _sampler?.Join();
    }

    /// <summary>The value of a <c>Key:   123 kB</c> line of a <c>/proc/*/status</c> file, or -1.</summary>
    public static long ReadStatusKilobytes(string path, string key)
    {
        try
        {
            foreach (string line in File.ReadLines(path))
            {
                if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
                string value = line[key.Length..].Trim();
                int space = value.IndexOf(' ', StringComparison.Ordinal);
                return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return -1;
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Sample()
    {
        using SafeFileHandle statm = File.OpenHandle("/proc/self/statm");
        Span<byte> text = stackalloc byte[128];
        long pageSize = Environment.SystemPageSize;
        while (!_stop)
        {
            int length = RandomAccess.Read(statm, text, 0);
            // statm: "size resident shared text lib data dt", in pages.
            var fields = text[..length];
            int space = fields.IndexOf((byte)' ');
            var rest = fields[(space + 1)..];
            int end = rest.IndexOf((byte)' ');
            long resident = 0;
            foreach (byte digit in rest[..end]) resident = resident * 10 + (digit - '0');
            long bytes = resident * pageSize;
            if (bytes > _sampledPeak) Interlocked.Exchange(ref _sampledPeak, bytes);
            Thread.Sleep(1);
        }
    }
}
