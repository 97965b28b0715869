using System.Globalization;

namespace FluentRequests.Benchmarks;

/// <summary>The transfer harness's settings, all bounded so a run always ends.</summary>
public sealed record TransferOptions
{
    /// <summary>Megabytes (MiB) moved per transfer (1 to 8192). Default 1024.</summary>
    public int SizeMb { get; init; } = 1024;

    /// <summary>Rounds over all cases, interleaved (1 to 9); the median is reported. Default 3.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>MiB moved once per case before the measured rounds, to JIT and open connections (0 to 1024). Default 16.</summary>
    public int WarmupMb { get; init; } = 16;

    /// <summary>Only the cases whose key contains one of these (case-insensitive); the raw baselines always run. Empty runs all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Only the scenarios whose name contains one of these (<c>download</c>, <c>chunked</c>, <c>upload</c>...). Empty runs all.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Parses <c>--size-mb N --rounds R --warmup-mb W --only a,b --scenarios x,y</c>.</summary>
    public static TransferOptions Parse(string[] args)
    {
        var options = new TransferOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Int(int min, int max)
            {
                int value = int.Parse(Value(), CultureInfo.InvariantCulture);
                return value >= min && value <= max ? value : throw new ArgumentException($"{name} must be between {min} and {max}; got {value}.");
            }
            string[] List() => Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            options = name switch
            {
                "--size-mb" => options with { SizeMb = Int(1, 8192) },
                "--rounds" or "-r" => options with { Rounds = Int(1, 9) },
                "--warmup-mb" => options with { WarmupMb = Int(0, 1024) },
                "--only" => options with { Only = List() },
                "--scenarios" => options with { Scenarios = List() },
                _ => throw new ArgumentException($"Unknown argument '{name}'. Accepted: --size-mb, --rounds, --warmup-mb, --only, --scenarios."),
            };
        }
        return options;
    }
}
