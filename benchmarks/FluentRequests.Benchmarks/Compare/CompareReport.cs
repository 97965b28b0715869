using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace FluentRequests.Benchmarks;

/// <summary>
/// The JSON written by <c>compare --json PATH</c>: every client's per-round and median figures at every concurrency,
/// the load averages (start and end), and the machine (cores, OS, .NET, commit). <c>benchmarks/chart/Chart.cs</c>
/// reads it.
/// </summary>
public sealed class CompareReport(CompareOptions options)
{
    private readonly List<object> _rows = [];
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    /// <summary>Adds one client's rounds and median at <paramref name="concurrency"/>.</summary>
    public void Add(int concurrency, ClientCase c, IReadOnlyList<Measurement> rounds, Measurement median) => _rows.Add(new
    {
        concurrency,
        scenario = c.Scenario,
        key = c.Key,
        name = c.Name,
        sync = c.Sync is not null,
        median = Figures(median),
        rounds = rounds.Select(Figures).ToArray(),
    });

    /// <summary>Writes the report to <paramref name="path"/>, with the load average read now as the end load.</summary>
    public async Task WriteAsync(string path)
    {
        double? end = LoadGuard.ReadLoad();
        var document = new
        {
            startedUtc = _started,
            finishedUtc = DateTimeOffset.UtcNow,
            machine = new
            {
                cores = Environment.ProcessorCount,
                cpu = CpuModel(),
                os = RuntimeInformation.OSDescription,
                dotnet = RuntimeInformation.FrameworkDescription,
                serverGc = System.Runtime.GCSettings.IsServerGC,
                commit = Commit(),
            },
            load = new
            {
                start = LoadGuard.LoadAtStart,
                end,
                highest = Math.Max(LoadGuard.HighestLoad ?? 0, end ?? 0),
                noisy = LoadGuard.Noisy || end > LoadGuard.MaxQuietLoad,
            },
            settings = new
            {
                seconds = options.Seconds,
                warmupSeconds = options.WarmupSeconds,
                options.Rounds,
                concurrencies = options.Concurrencies,
                options.InProcess,
            },
            results = _rows,
        };
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        await using var file = File.Create(path);
        var json = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        await JsonSerializer.SerializeAsync(file, document, json).ConfigureAwait(false);
    }

    private static object Figures(Measurement m) => new
    {
        requestsPerSecond = Math.Round(m.RequestsPerSecond, 1),
        clientCpuMicroseconds = Math.Round(m.ClientCpuMicroseconds, 2),
        serverCpuMicroseconds = Math.Round(m.ServerCpuMicroseconds, 2),
        bytesPerRequest = Math.Round(m.BytesPerRequest, 1),
        p50Ms = Math.Round(m.P50Ms, 3),
        p99Ms = Math.Round(m.P99Ms, 3),
        m.Requests,
        m.Errors,
        gc = new[] { m.Gen0, m.Gen1, m.Gen2 },
    };

    private static string? CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The commit being measured: <c>BENCH_COMMIT</c> if set, else <c>git describe</c> of the working directory.</summary>
    private static string? Commit()
    {
        if (Environment.GetEnvironmentVariable("BENCH_COMMIT") is { Length: > 0 } given) return given;
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "describe --always --dirty --abbrev=12")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null) return null;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5_000);
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
