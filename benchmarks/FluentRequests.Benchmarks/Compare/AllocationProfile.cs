using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace FluentRequests.Benchmarks;

/// <summary>
/// <c>allocs [--requests N] [--only key,...] [--in-process]</c>: sends N sequential requests per client and prints which
/// types the allocations go to, from the runtime's GCAllocationTick events (one sample per ~100 KB allocated, so the
/// per-type figures are estimates). The server runs in a child process, so the figures are the client's alone; with
/// <c>--in-process</c> the server's allocations are included and show in the floor row.
/// </summary>
public static class AllocationProfile
{
    /// <summary>Runs the profile.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        int requests = 20_000;
        var only = new List<string>();
        bool inProcess = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--requests" && i + 1 < args.Length) requests = Math.Clamp(int.Parse(args[++i], CultureInfo.InvariantCulture), 100, 1_000_000);
            else if (args[i] == "--in-process") inProcess = true;
            else if (args[i] == "--only" && i + 1 < args.Length) only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries));
            else throw new ArgumentException($"Unknown argument '{args[i]}'. Accepted: --requests N, --only key,..., --in-process");
        }
        await using var server = await ComparedServer.StartAsync(inProcess).ConfigureAwait(false);
        PrintPieces(new Uri(server.BaseUri, "json").ToString());
        using var clients = new ClientSet(server.BaseUri, server.H2cUri);
        using var listener = new AllocationListener();
        foreach (var c in clients.Cases().Where(c => only.Count == 0 || only.Any(o => c.Key.Equals(o, StringComparison.OrdinalIgnoreCase))))
        {
            var asyncOp = c.Async?.Invoke(0);
            var syncOp = c.Sync?.Invoke(0);
            async Task Send(int n)
            {
                for (int i = 0; i < n; i++)
                {
                    if (asyncOp is not null) await asyncOp().ConfigureAwait(false);
                    else syncOp!();
                }
            }
            await Send(Math.Min(2_000, requests)).ConfigureAwait(false);
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            listener.Start();
            await Send(requests).ConfigureAwait(false);
            var samples = listener.Stop();
            double perRequest = (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / requests;
            string scope = server.InProcess ? "process-wide" : "client only";
            Console.WriteLine($"### {c.Scenario} — {c.Name}: {perRequest:F0} B/request ({scope}, {requests} sequential requests)");
            Console.WriteLine();
            Console.WriteLine(LoadGuard.TableNote());
            Console.WriteLine();
            Console.WriteLine("| Type (sampled) | ≈ B/request | share |");
            Console.WriteLine("|---|---:|---:|");
            ulong total = (ulong)samples.Values.Sum(v => (decimal)v);
            foreach (var (type, bytes) in samples.OrderByDescending(kv => kv.Value).Take(20))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{type}` | {(double)bytes / requests:F0} | {100.0 * bytes / Math.Max(1, total):F1}% |"));
            }
            Console.WriteLine();
        }
        return 0;
    }

    /// <summary>Exact bytes (this thread only, no I/O) of the steps a FluentRequests call makes before it sends.</summary>
    private static void PrintPieces(string url)
    {
        using var session = new Session();
        static long Measure(Action step)
        {
            for (int i = 0; i < 1_000; i++) step();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++) step();
            return (GC.GetAllocatedBytesForCurrentThread() - before) / 10_000;
        }
        Console.WriteLine("### Steps before the wire (exact, bytes per call on the calling thread)");
        Console.WriteLine();
        Console.WriteLine(LoadGuard.TableNote());
        Console.WriteLine();
        Console.WriteLine("| Step | B/call |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| `new Session()` + `Dispose()` (what `Requests.*` adds) | {Measure(() => new Session().Dispose())} |");
        Console.WriteLine($"| `session.Prepare(new Request(\"GET\", url))` | {Measure(() => session.Prepare(new Request("GET", url)))} |");
        Console.WriteLine($"| `session.Prepare(new Request(\"POST\", url) {{ Json = payload }})` " +
                          $"| {Measure(() => session.Prepare(new Request("POST", url) { Json = Payload.Instance }))} |");
        Console.WriteLine($"| `session.Url(url)` (builder) | {Measure(() => session.Url(url))} |");
        Console.WriteLine($"| `new Uri(url)` (for scale) | {Measure(() => _ = new Uri(url))} |");
        Console.WriteLine();
    }

    private sealed class AllocationListener : EventListener
    {
        private ConcurrentDictionary<string, ulong>? _samples;

        public void Start() => _samples = new ConcurrentDictionary<string, ulong>();

        public Dictionary<string, ulong> Stop()
        {
            var samples = _samples ?? new ConcurrentDictionary<string, ulong>();
            _samples = null;
            return new Dictionary<string, ulong>(samples);
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            // The GC keyword (0x1) at Verbose level carries GCAllocationTick.
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            var samples = _samples;
            if (samples is null || e.EventName is null || e.PayloadNames is null) return;
            if (!e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
            int typeAt = e.PayloadNames.IndexOf("TypeName"), amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
            if (typeAt < 0 || amountAt < 0) return;
            string type = e.Payload![typeAt] as string ?? "?";
            ulong amount = Convert.ToUInt64(e.Payload[amountAt], CultureInfo.InvariantCulture);
            samples.AddOrUpdate(type, amount, (_, old) => old + amount);
        }
    }
}
