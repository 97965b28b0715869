using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FluentRequests.Benchmarks;

/// <summary>
/// Side-by-side throughput: for every client, <see cref="CompareOptions.Concurrency"/> loops send to the
/// in-process server for a fixed time after a warm-up, then requests/s, allocated bytes per request
/// (process-wide <see cref="GC.GetTotalAllocatedBytes"/> delta, so the server's share is included: see the
/// floor row) and latency percentiles are printed as markdown.
/// </summary>
public static class CompareHarness
{
    private const int MaxRequestsPerLoop = 10_000_000;

    /// <summary>Runs every selected client for every round and prints the tables.</summary>
    public static async Task<int> RunAsync(CompareOptions options)
    {
        await using var server = await BenchServer.StartAsync().ConfigureAwait(false);
        using var clients = new ClientSet(server);
        var cases = clients.Cases()
            .Where(c => options.Only.Count == 0 || c.Key is "floor" or "raw" || options.Only.Any(o => c.Key.Contains(o, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Console.WriteLine($"Server {server.BaseUri}; {options.Seconds.ToString(CultureInfo.InvariantCulture)} s per client " +
                          $"after {options.WarmupSeconds.ToString(CultureInfo.InvariantCulture)} s warm-up, " +
                          $"concurrency {options.Concurrency}, {options.Rounds} round(s); " +
                          $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}, " +
                          $"{RuntimeInformation.OSDescription}; GC server={System.Runtime.GCSettings.IsServerGC}.");

        var results = cases.ToDictionary(c => c, _ => new List<Measurement>());
        for (int round = 1; round <= options.Rounds; round++)
        {
            foreach (var c in cases)
            {
                if (options.WarmupSeconds > 0) await MeasureAsync(c, options.WarmupSeconds, options.Concurrency).ConfigureAwait(false);
                var m = await MeasureAsync(c, options.Seconds, options.Concurrency).ConfigureAwait(false);
                results[c].Add(m);
                Console.Error.WriteLine($"  round {round} {c.Scenario,-10} {c.Name,-52} {m.RequestsPerSecond,10:F0} req/s {m.BytesPerRequest,8:F0} B/req" +
                                        (m.Errors > 0 ? $"  {m.Errors} errors, first: {m.FirstError?.GetType().Name}: {m.FirstError?.Message}" : ""));
            }
        }

        Console.WriteLine();
        foreach (var scenario in cases.Select(c => c.Scenario).Distinct())
        {
            var rows = cases.Where(c => c.Scenario == scenario)
                .Select(c => (Case: c, M: results[c].OrderBy(m => m.RequestsPerSecond).ElementAt(results[c].Count / 2)))
                .ToList();
            PrintTable(scenario, rows, options);
        }
        return results.Values.SelectMany(v => v).Any(m => m.Errors > 0) ? 1 : 0;
    }

    private static void PrintTable(string scenario, List<(ClientCase Case, Measurement M)> rows, CompareOptions options)
    {
        var raw = rows.FirstOrDefault(r => r.Case.Key == "raw").M;
        var floor = rows.FirstOrDefault(r => r.Case.Key == "floor").M;
        Console.WriteLine($"### {scenario}, concurrency {options.Concurrency}, {options.Seconds.ToString(CultureInfo.InvariantCulture)} s" +
                          (options.Rounds > 1 ? $" (median of {options.Rounds} rounds)" : ""));
        Console.WriteLine();
        Console.WriteLine("| Client | req/s | vs raw | B/req (process) | B/req (client, − floor) | client B vs raw | p50 ms | p99 ms | GC 0/1/2 | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (c, m) in rows)
        {
            double? client = floor is null || c.Key == "floor" ? null : m.BytesPerRequest - floor.BytesPerRequest;
            double? rawClient = floor is null || raw is null ? null : raw.BytesPerRequest - floor.BytesPerRequest;
            string ratio = raw is null || c.Key == "floor"
                ? ""
                : (m.RequestsPerSecond / raw.RequestsPerSecond).ToString("F2", CultureInfo.InvariantCulture) + "x";
            string bytesRatio = client is null || rawClient is not > 0
                ? ""
                : (client.Value / rawClient.Value).ToString("F2", CultureInfo.InvariantCulture) + "x";
            string clientBytes = client is null ? "" : client.Value.ToString("N0", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Name} | {m.RequestsPerSecond:N0} | {ratio} | {m.BytesPerRequest:N0} | {clientBytes} | {bytesRatio} " +
                $"| {m.P50Ms:F2} | {m.P99Ms:F2} | {m.Gen0}/{m.Gen1}/{m.Gen2} | {m.Errors} |"));
        }
        Console.WriteLine();
    }

    /// <summary>Runs <paramref name="c"/> for <paramref name="seconds"/> with <paramref name="concurrency"/> loops.</summary>
    public static async Task<Measurement> MeasureAsync(ClientCase c, double seconds, int concurrency)
    {
        int capacity = (int)Math.Clamp(seconds * 100_000 / concurrency, 1024, 1 << 20);
        var loops = Enumerable.Range(0, concurrency).Select(_ => new Loop(capacity)).ToArray();
        var gate = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task[] running;
        if (c.Async is { } makeAsync)
        {
            running = loops.Select((loop, i) => Task.Run(() => RunAsyncLoop(makeAsync(i), loop, gate.Task))).ToArray();
        }
        else
        {
            var makeSync = c.Sync ?? throw new InvalidOperationException($"{c.Name} has no operation.");
            running = loops.Select((loop, i) =>
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var op = makeSync(i);
                var thread = new Thread(() =>
                {
                    RunSyncLoop(op, loop, gate.Task);
                    done.SetResult();
                })
                { IsBackground = true, Name = $"sync-loop-{i}" };
                thread.Start();
                return done.Task;
            }).ToArray();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        gate.SetResult(start + (long)(seconds * Stopwatch.Frequency));
        await Task.WhenAll(running).ConfigureAwait(false);
        long end = Stopwatch.GetTimestamp();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        long requests = loops.Sum(l => (long)l.Count), errors = loops.Sum(l => l.Errors);
        var latencies = loops.SelectMany(l => l.Latencies.Take(Math.Min(l.Count, l.Latencies.Length))).ToArray();
        Array.Sort(latencies);
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[(int)Math.Round(p * (latencies.Length - 1))] * 1000.0 / Stopwatch.Frequency;
        double elapsed = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        return new Measurement(
            RequestsPerSecond: (requests - errors) / elapsed,
            BytesPerRequest: requests == 0 ? 0 : (double)allocated / requests,
            P50Ms: Percentile(0.50),
            P99Ms: Percentile(0.99),
            Requests: requests,
            Errors: errors,
            FirstError: loops.Select(l => l.FirstError).FirstOrDefault(e => e is not null),
            Gen0: GC.CollectionCount(0) - gen0,
            Gen1: GC.CollectionCount(1) - gen1,
            Gen2: GC.CollectionCount(2) - gen2);
    }

    private static async Task RunAsyncLoop(Func<ValueTask> op, Loop loop, Task<long> gate)
    {
        long deadline = await gate.ConfigureAwait(false);
        while (loop.Count < MaxRequestsPerLoop && Stopwatch.GetTimestamp() < deadline)
        {
            long t0 = Stopwatch.GetTimestamp();
            try
            {
                await op().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                loop.Fail(e);
            }
            loop.Record(Stopwatch.GetTimestamp() - t0);
        }
    }

    private static void RunSyncLoop(Action op, Loop loop, Task<long> gate)
    {
        long deadline = gate.GetAwaiter().GetResult();
        while (loop.Count < MaxRequestsPerLoop && Stopwatch.GetTimestamp() < deadline)
        {
            long t0 = Stopwatch.GetTimestamp();
            try
            {
                op();
            }
            catch (Exception e)
            {
                loop.Fail(e);
            }
            loop.Record(Stopwatch.GetTimestamp() - t0);
        }
    }

    /// <summary>One loop's counters and latency samples (pre-allocated, so recording allocates nothing).</summary>
    private sealed class Loop(int capacity)
    {
        public long[] Latencies { get; } = new long[capacity];
        public int Count { get; private set; }
        public long Errors { get; private set; }
        public Exception? FirstError { get; private set; }

        public void Record(long ticks)
        {
            if (Count < Latencies.Length) Latencies[Count] = ticks;
            Count++;
        }

        public void Fail(Exception e)
        {
            Errors++;
            FirstError ??= e;
        }
    }
}

/// <summary>One client's figures for one run.</summary>
public sealed record Measurement(double RequestsPerSecond, double BytesPerRequest, double P50Ms, double P99Ms, long Requests, long Errors,
    Exception? FirstError, int Gen0, int Gen1, int Gen2);
