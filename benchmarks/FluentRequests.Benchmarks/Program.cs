using BenchmarkDotNet.Running;

namespace FluentRequests.Benchmarks;

/// <summary>
/// Entry point. <c>bdn [BenchmarkDotNet args]</c> runs the BenchmarkDotNet suites; <c>compare [--seconds N]
/// [--concurrency C] [--warmup S] [--rounds R] [--only name,...] [--in-process]</c> runs the side-by-side throughput harness;
/// <c>allocs [--requests N] [--only key,...] [--in-process]</c> prints sampled allocations by type per client (both against
/// a server in a child process unless <c>--in-process</c>);
/// <c>transfer [--size-mb N] [--rounds R] [--warmup-mb W] [--only key,...] [--scenarios name,...]</c> streams large
/// downloads and multipart uploads against a server in a child process (<c>serve</c>). Every mode but <c>serve</c>
/// refuses to start on a loaded machine unless <c>--allow-noisy</c> is given (see <see cref="LoadGuard"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the mode named by the first argument.</summary>
    public static async Task<int> Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "";
        if (mode is "bdn" or "compare" or "allocs" or "transfer")
        {
            var rest = args[1..];
            if (!LoadGuard.Admit(ref rest)) return 3;
            args = [mode, .. rest];
        }
        switch (mode)
        {
            case "bdn":
                var bdnArgs = args[1..];
                // Without a filter BenchmarkDotNet asks interactively which benchmarks to run; default to all.
                if (!bdnArgs.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal)))
                {
                    bdnArgs = [.. bdnArgs, "--filter", "*"];
                }
                Console.WriteLine(LoadGuard.TableNote());
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(bdnArgs);
                Console.WriteLine(LoadGuard.TableNote());
                return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
            case "compare":
                CompareOptions options;
                try
                {
                    options = CompareOptions.Parse(args[1..]);
                }
                catch (ArgumentException e)
                {
                    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                    return 2;
                }
                return await CompareHarness.RunAsync(options).ConfigureAwait(false);
            case "allocs":
                return await AllocationProfile.RunAsync(args[1..]).ConfigureAwait(false);
            case "transfer":
                TransferOptions transfer;
                try
                {
                    transfer = TransferOptions.Parse(args[1..]);
                }
                catch (ArgumentException e)
                {
                    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                    return 2;
                }
                return await TransferHarness.RunAsync(transfer).ConfigureAwait(false);
            case "serve":
                return await TransferServer.RunAsync().ConfigureAwait(false);
            default:
                Console.WriteLine("""
                    usage:
                      FluentRequests.Benchmarks bdn [BenchmarkDotNet args, e.g. --filter *Get*]
                      FluentRequests.Benchmarks compare [--seconds 5] [--concurrency 32|1,32] [--warmup 1] [--rounds 1..9] [--only raw,session,...]
                                                 [--in-process] [--json out.json]
                      FluentRequests.Benchmarks allocs [--requests 20000] [--only floor,raw,session,...] [--in-process]
                      FluentRequests.Benchmarks transfer [--size-mb 1024] [--rounds 3] [--warmup-mb 16] [--only session,...] [--scenarios download,upload]
                      FluentRequests.Benchmarks serve    (the transfer, compare and allocs server; started by them as a child process)
                    """);
                Console.WriteLine("""
                      Every mode but serve refuses to start when the 1-minute load average is above 1.0; --allow-noisy runs anyway
                      and marks every table NOISY. compare also takes --json PATH (per-round and median figures, load, machine).
                    """);
                return mode is "" or "-h" or "--help" ? 0 : 2;
        }
    }
}
