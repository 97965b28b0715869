using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FluentRequests.Benchmarks;

/// <summary>
/// Side-by-side throughput: for every client, <see cref="CompareOptions.Concurrency"/> loops send to the server
/// (by default in a child process, see <see cref="ComparedServer"/>) for a fixed time after a warm-up, then requests/s,
/// client CPU µs per request (this process's <see cref="Process.TotalProcessorTime"/> delta), allocated bytes per request
/// (<see cref="GC.GetTotalAllocatedBytes"/> delta) and latency percentiles are printed as markdown. With the server in a
/// child process CPU and bytes are the client's alone and the floor row (a raw socket writing canned requests) is the
/// lower bound a client can reach; with <c>--in-process</c> they include the server's share, which the floor row shows.
/// </summary>
public static class CompareHarness
{
    private const int MaxRequestsPerLoop = 10_000_000;

    /// <summary>Runs every selected client for every round and prints the tables.</summary>
    public static async Task<int> RunAsync(CompareOptions options)
    {
        await using var server = await ComparedServer.StartAsync(options.InProcess).ConfigureAwait(false);
        using var clients = new ClientSet(server.BaseUri, server.H2cUri);
        var cases = clients.Cases()
            .Where(c => options.Exact
                ? options.Only.Contains(c.Key, StringComparer.OrdinalIgnoreCase)
                : options.Only.Count == 0 || c.Key is "floor" or "raw" || options.Only.Any(o => c.Key.Contains(o, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Console.WriteLine($"Server {server.BaseUri} in {server.Description}; {options.Seconds.ToString(CultureInfo.InvariantCulture)} s per client after " +
                          $"{options.WarmupSeconds.ToString(CultureInfo.InvariantCulture)} s warm-up, " +
                          $"concurrency {string.Join(", ", options.Concurrencies)}, {options.Rounds} interleaved round(s); " +
                          $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}, " +
                          $"{RuntimeInformation.OSDescription}; GC server={System.Runtime.GCSettings.IsServerGC}.");
        Console.WriteLine(LoadGuard.TableNote());

        var report = new CompareReport(options);
        bool anyErrors = false;
        foreach (int concurrency in options.Concurrencies)
        {
            var level = options with { Concurrency = concurrency };
            var results = cases.ToDictionary(c => c, _ => new List<Measurement>());
            for (int round = 1; round <= options.Rounds; round++)
            {
                foreach (var c in cases)
                {
                    if (options.WarmupSeconds > 0) await MeasureAsync(c, options.WarmupSeconds, concurrency, server).ConfigureAwait(false);
                    var m = await MeasureAsync(c, options.Seconds, concurrency, server).ConfigureAwait(false);
                    results[c].Add(m);
                    Console.Error.WriteLine($"  c={concurrency} round {round} {c.Scenario,-10} {c.Name,-52} {m.RequestsPerSecond,10:F0} req/s " +
                                            $"{m.ClientCpuMicroseconds,7:F1} µs/req " +
                                            $"{m.BytesPerRequest,8:F0} B/req" +
                                            (m.Errors > 0 ? $"  {m.Errors} errors, first: {m.FirstError?.GetType().Name}: {m.FirstError?.Message}" : ""));
                }
            }

            Console.WriteLine();
            foreach (var scenario in cases.Select(c => c.Scenario).Distinct())
            {
                var rows = cases.Where(c => c.Scenario == scenario).Select(c => (Case: c, M: Median(results[c]))).ToList();
                CompareTable.Print(scenario, rows, level, server.InProcess);
                foreach (var (c, median) in rows) report.Add(concurrency, c, results[c], median);
            }
            anyErrors |= results.Values.SelectMany(v => v).Any(m => m.Errors > 0);
        }
        if (options.JsonPath is { } path)
        {
            await report.WriteAsync(path).ConfigureAwait(false);
            Console.WriteLine($"Figures written to {path}.");
        }
        return anyErrors ? 1 : 0;
    }

    /// <summary>
    /// The round with the median throughput (its latencies and GC counts), with requests/s, CPU and bytes per request
    /// each replaced by its own median over the rounds: CPU per request is steadier than throughput on a shared machine.
    /// </summary>
    private static Measurement Median(List<Measurement> rounds)
    {
        static double Mid(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var round = rounds.OrderBy(m => m.RequestsPerSecond).ElementAt(rounds.Count / 2);
        return round with
        {
            ClientCpuMicroseconds = Mid(rounds.Select(m => m.ClientCpuMicroseconds)),
            ServerCpuMicroseconds = Mid(rounds.Select(m => m.ServerCpuMicroseconds)),
            BytesPerRequest = Mid(rounds.Select(m => m.BytesPerRequest)),
        };
    }

    /// <summary>Runs <paramref name="c"/> for <paramref name="seconds"/> with <paramref name="concurrency"/> loops.</summary>
    public static async Task<Measurement> MeasureAsync(ClientCase c, double seconds, int concurrency, ComparedServer server)
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
        using var self = Process.GetCurrentProcess();
        TimeSpan clientCpu = self.TotalProcessorTime, serverCpu = server.ServerProcessorTime();
        long start = Stopwatch.GetTimestamp();
        gate.SetResult(start + (long)(seconds * Stopwatch.Frequency));
        await Task.WhenAll(running).ConfigureAwait(false);
        long end = Stopwatch.GetTimestamp();
        self.Refresh();
        clientCpu = self.TotalProcessorTime - clientCpu;
        serverCpu = server.ServerProcessorTime() - serverCpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        long requests = loops.Sum(l => (long)l.Count), errors = loops.Sum(l => l.Errors);
        var latencies = loops.SelectMany(l => l.Latencies.Take(Math.Min(l.Count, l.Latencies.Length))).ToArray();
        Array.Sort(latencies);
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[(int)Math.Round(p * (latencies.Length - 1))] * 1000.0 / Stopwatch.Frequency;
        double elapsed = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        return new Measurement(
            RequestsPerSecond: (requests - errors) / elapsed,
            BytesPerRequest: requests == 0 ? 0 : (double)allocated / requests,
            ClientCpuMicroseconds: requests == 0 ? 0 : clientCpu.TotalMicroseconds / requests,
            ServerCpuMicroseconds: requests == 0 ? 0 : serverCpu.TotalMicroseconds / requests,
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

/// <summary>One client's figures for one run; CPU in µs per request (the server's is 0 when it shares this process).</summary>
public sealed record Measurement(double RequestsPerSecond, double BytesPerRequest, double ClientCpuMicroseconds, double ServerCpuMicroseconds,
    double P50Ms, double P99Ms, long Requests, long Errors, Exception? FirstError, int Gen0, int Gen1, int Gen2);
