using System.Globalization;

namespace FluentRequests.Benchmarks;

/// <summary>
/// The quiet-machine guard: a run refuses to start when the 1-minute load average (<c>/proc/loadavg</c>) is above
/// <see cref="MaxQuietLoad"/> unless <c>--allow-noisy</c> is given, and then every table is marked
/// "NOISY (load x.xx)". Every table carries the load average at the start of the run and when it was printed.
/// </summary>
public static class LoadGuard
{
    /// <summary>The highest 1-minute load average at which a run counts as quiet.</summary>
    public const double MaxQuietLoad = 1.0;

    /// <summary>The option that lets a run start on a loaded machine.</summary>
    public const string AllowNoisyOption = "--allow-noisy";

    /// <summary>The 1-minute load average when the run started (null where /proc/loadavg does not exist).</summary>
    public static double? LoadAtStart { get; private set; }

    /// <summary>The highest 1-minute load average seen so far in this run (at start and at each table).</summary>
    public static double? HighestLoad { get; private set; }

    /// <summary>
    /// Whether the run started above <see cref="MaxQuietLoad"/>. The load later in the run is printed but does not count:
    /// a benchmark's own client and server keep both cores busy, so the 1-minute average always climbs during it.
    /// </summary>
    public static bool Noisy => LoadAtStart > MaxQuietLoad;

    /// <summary>
    /// Removes <c>--allow-noisy</c> from <paramref name="args"/> and checks the load: returns false (after saying why
    /// on stderr) when the machine is loaded and noisy runs are not allowed.
    /// </summary>
    public static bool Admit(ref string[] args)
    {
        bool allowNoisy = args.Contains(AllowNoisyOption);
        args = [.. args.Where(a => a != AllowNoisyOption)];
        LoadAtStart = ReadLoad();
        HighestLoad = LoadAtStart;
        if (LoadAtStart is not { } load) return true;
        if (load <= MaxQuietLoad) return true;
        if (allowNoisy)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Load average {load:F2} is above {MaxQuietLoad:F1}: running anyway ({AllowNoisyOption}); every table is marked NOISY."));
            return true;
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Refusing to start: the 1-minute load average is {load:F2} (above {MaxQuietLoad:F1}), so CPU and throughput figures would " +
            $"measure the other work on this machine. Wait for a quiet machine, or pass {AllowNoisyOption} to run anyway (tables marked NOISY)."));
        return false;
    }

    /// <summary>
    /// The line printed beside every table: the load average at the start and now, prefixed with
    /// "NOISY (load x.xx)" when the run started above <see cref="MaxQuietLoad"/>.
    /// </summary>
    public static string TableNote()
    {
        double? now = ReadLoad();
        if (now > (HighestLoad ?? 0)) HighestLoad = now;
        string start = LoadAtStart is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "n/a";
        string current = now is { } n ? n.ToString("F2", CultureInfo.InvariantCulture) : "n/a";
        string note = $"Load average (1 min): {start} before the run, {current} after.";
        return Noisy
            ? string.Create(CultureInfo.InvariantCulture, $"**NOISY (load {LoadAtStart:F2})**: figures are indicative only. {note}")
            : note;
    }

    /// <summary>The 1-minute load average, or null where <c>/proc/loadavg</c> cannot be read.</summary>
    public static double? ReadLoad()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            string first = text.Split(' ', 2)[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
