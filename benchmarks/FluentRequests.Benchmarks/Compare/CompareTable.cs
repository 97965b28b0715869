using System.Globalization;

namespace FluentRequests.Benchmarks;

/// <summary>Prints one scenario's results of <see cref="CompareHarness"/> as a markdown table.</summary>
public static class CompareTable
{
    /// <summary>
    /// Prints <paramref name="rows"/>. With the server in a child process, CPU and bytes are the client's alone and the
    /// floor row is the raw-socket lower bound; in process they are the whole process's and a "− floor" column estimates
    /// the client's share.
    /// </summary>
    public static void Print(string scenario, List<(ClientCase Case, Measurement M)> rows, CompareOptions options, bool inProcess)
    {
        var raw = rows.FirstOrDefault(r => r.Case.Key == "raw").M;
        var floor = rows.FirstOrDefault(r => r.Case.Key == "floor").M;
        Console.WriteLine($"### {scenario}, concurrency {options.Concurrency}, {options.Seconds.ToString(CultureInfo.InvariantCulture)} s" +
                          (options.Rounds > 1 ? $" (median of {options.Rounds} rounds)" : "") +
                          (inProcess ? ", server in process" : ", server in a child process"));
        Console.WriteLine();
        Console.WriteLine(LoadGuard.TableNote());
        Console.WriteLine();
        Console.WriteLine(inProcess
            ? "CPU and B/req are the whole process's (client + server); the floor row (a raw socket) is mostly the server's share."
            : "CPU and B/req are the client's alone; the floor row (a raw socket writing a canned request) is the lower bound a client can reach.");
        Console.WriteLine();
        if (inProcess)
        {
            Console.WriteLine("| Client | req/s | vs raw | CPU µs/req (process) | CPU vs raw | B/req (process) | B/req (− floor) | B vs raw | " +
                              "p50 ms | p99 ms | GC 0/1/2 | errors |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }
        else
        {
            Console.WriteLine("| Client | req/s | vs raw | client CPU µs/req | CPU vs raw | server CPU µs/req | client B/req | B vs raw | " +
                              "p50 ms | p99 ms | GC 0/1/2 | errors |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }
        foreach (var (c, m) in rows)
        {
            bool isFloor = c.Key == "floor";
            string Ratio(double? value, double? baseline) =>
                isFloor || value is null || baseline is not > 0 ? "" : (value.Value / baseline.Value).ToString("F2", CultureInfo.InvariantCulture) + "x";
            double? bytes = m.BytesPerRequest, rawBytes = raw?.BytesPerRequest;
            if (inProcess)
            {
                bytes = floor is null || isFloor ? null : m.BytesPerRequest - floor.BytesPerRequest;
                rawBytes = floor is null || raw is null ? null : raw.BytesPerRequest - floor.BytesPerRequest;
            }
            string middle = inProcess
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{m.BytesPerRequest:N0} | {(bytes is null ? "" : bytes.Value.ToString("N0", CultureInfo.InvariantCulture))}")
                : string.Create(CultureInfo.InvariantCulture, $"{m.ServerCpuMicroseconds:F1} | {m.BytesPerRequest:N0}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Name} | {m.RequestsPerSecond:N0} | {Ratio(m.RequestsPerSecond, raw?.RequestsPerSecond)} | {m.ClientCpuMicroseconds:F1} | " +
                $"{Ratio(m.ClientCpuMicroseconds, raw?.ClientCpuMicroseconds)} | {middle} | {Ratio(bytes, rawBytes)} | {m.P50Ms:F2} | {m.P99Ms:F2} | " +
                $"{m.Gen0}/{m.Gen1}/{m.Gen2} | {m.Errors} |"));
        }
        Console.WriteLine();
    }
}
