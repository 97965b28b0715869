using System.Globalization;

namespace FluentRequests.Benchmarks;

/// <summary>The compare harness's settings, all bounded so a run always ends.</summary>
public sealed record CompareOptions
{
    /// <summary>Measured seconds per client and round (0.5 to 60). Default 5.</summary>
    public double Seconds { get; init; } = 5;

    /// <summary>Concurrent loops per client (1 to 256) of the table being run. Default 32.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>
    /// Every concurrency to run, in order (<c>--concurrency 1,32</c>); each gets its own interleaved rounds and tables.
    /// Default: <see cref="Concurrency"/> alone.
    /// </summary>
    public IReadOnlyList<int> Concurrencies { get; init; } = [32];

    /// <summary>Where to write every client's per-round and median figures as JSON (<c>--json PATH</c>); null writes none.</summary>
    public string? JsonPath { get; init; }

    /// <summary>Warm-up seconds per client and round, not measured (0 to 30). Default 1.</summary>
    public double WarmupSeconds { get; init; } = 1;

    /// <summary>Rounds over all clients (1 to 9); with more than one, the round with the median throughput is reported. Default 1.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Only the clients whose key contains one of these (case-insensitive); empty runs all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>
    /// <c>--exact</c>: <see cref="Only"/> names keys exactly and the floor and raw rows are not added, so one client runs
    /// alone (for a profiler attached to the process, <c>benchmarks/profile.sh</c>). Default false.
    /// </summary>
    public bool Exact { get; init; }

    /// <summary>Runs the server in this process (the old behaviour: CPU and allocations then include the server's) instead of a child process.</summary>
    public bool InProcess { get; init; }

    /// <summary>Parses <c>--seconds N --concurrency C[,C2...] --warmup S --rounds R --only a,b --exact --in-process --json PATH</c>.</summary>
    public static CompareOptions Parse(string[] args)
    {
        var options = new CompareOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--seconds" or "-s" => options with { Seconds = Bounded(name, double.Parse(Value(), CultureInfo.InvariantCulture), 0.5, 60) },
                "--concurrency" or "-c" => WithConcurrencies(options, name, Value()),
                "--warmup" or "-w" => options with { WarmupSeconds = Bounded(name, double.Parse(Value(), CultureInfo.InvariantCulture), 0, 30) },
                "--rounds" or "-r" => options with { Rounds = (int)Bounded(name, int.Parse(Value(), CultureInfo.InvariantCulture), 1, 9) },
                "--json" => options with { JsonPath = Value() },
                "--in-process" => options with { InProcess = true },
                "--exact" => options with { Exact = true },
                "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException(
                    $"Unknown argument '{name}'. Accepted: --seconds, --concurrency, --warmup, --rounds, --only, --exact, --in-process, --json."),
            };
        }
        return options;
    }

    private static CompareOptions WithConcurrencies(CompareOptions options, string name, string value)
    {
        var levels = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => (int)Bounded(name, int.Parse(v, CultureInfo.InvariantCulture), 1, 256))
            .Distinct()
            .ToList();
        if (levels.Count == 0) throw new ArgumentException($"{name} needs at least one value.");
        return options with { Concurrency = levels[0], Concurrencies = levels };
    }

    private static double Bounded(string name, double value, double min, double max)
        => value >= min && value <= max ? value : throw new ArgumentException($"{name} must be between {min} and {max}; got {value}.");
}
