// Draws the chart in docs/performance.md from the JSON that `compare --json PATH` writes: for every concurrency in the
// JSON, throughput as a multiple of raw HttpClient and client CPU µs per request, one bar per client (raw HttpClient,
// FluentRequests' session, builder, sync and Requests.Get rows, Flurl.Http, RestSharp, and the HTTP/2 pair), each
// compared with its own raw baseline (sync rows with raw HttpClient.Send, POST rows with raw PostAsJsonAsync, HTTP/2
// rows with raw HttpClient on HTTP/2). No dependency beyond the SDK.
// Run: `dotnet run benchmarks/chart/Chart.cs -- in.json out.svg` (benchmarks/run-figures.sh does).
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

// Every number in the SVG is written with '.' decimals, whatever the machine's culture.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run benchmarks/chart/Chart.cs -- <compare --json output> <chart.svg>");
    return 2;
}

using var document = JsonDocument.Parse(File.ReadAllBytes(args[0]));
var root = document.RootElement;
var results = root.GetProperty("results").EnumerateArray().ToList();
if (results.Count == 0)
{
    Console.Error.WriteLine($"{args[0]} has no results.");
    return 1;
}

const string Get = "GET /json", Post = "POST /echo";
// (label, scenario, key, baseline key, family): the rows drawn, in order, where the JSON has them.
(string Label, string Scenario, string Key, string Baseline, string Family)[] rowSpecs =
[
    ("HttpClient.GetAsync (raw)", Get, "raw", "raw", "raw"),
    ("Session.GetAsync", Get, "session", "raw", "ours"),
    ("Session.GetAsync, TrustEnv = false", Get, "noenv", "raw", "ours"),
    ("builder session.Url(u).GetAsync", Get, "fluent", "raw", "ours"),
    ("Flurl.Http GetAsync", Get, "flurl", "raw", "flurl"),
    ("RestSharp ExecuteAsync", Get, "restsharp", "raw", "restsharp"),
    ("HttpClient.Send (raw, sync)", Get, "raw-sync", "raw-sync", "raw"),
    ("Session.Get (sync)", Get, "session-sync", "raw-sync", "ours"),
    ("Requests.Get (sync)", Get, "requests-sync", "raw-sync", "ours"),
    ("HttpClient PostAsJsonAsync (raw)", Post, "raw", "raw", "raw"),
    ("builder PostJsonAsync", Post, "fluent", "raw", "ours"),
    ("Flurl.Http PostJsonAsync", Post, "flurl", "raw", "flurl"),
    ("RestSharp AddJsonBody", Post, "restsharp", "raw", "restsharp"),
    ("HttpClient on HTTP/2 (raw, h2c)", Get, "raw-h2", "raw-h2", "raw"),
    ("Session.GetAsync on HTTP/2 (h2c)", Get, "session-h2", "raw-h2", "ours"),
    ("Session.GetAsync on HTTP/2 (h2c), TrustEnv = false", Get, "noenv-h2", "raw-h2", "ours"),
];
var families = new (string Key, string Label, string Color)[]
{
    ("raw", "raw HttpClient (baseline of its group)", "#8c8c8c"),
    ("ours", "FluentRequests", "#1f6fb4"),
    ("flurl", "Flurl.Http", "#e07b00"),
    ("restsharp", "RestSharp", "#2e9b45"),
};

JsonElement? Find(int concurrency, string scenario, string key) => results
    .Where(r => r.GetProperty("concurrency").GetInt32() == concurrency && r.GetProperty("scenario").GetString() == scenario &&
                r.GetProperty("key").GetString() == key)
    .Select(r => (JsonElement?)r.GetProperty("median"))
    .FirstOrDefault();

var concurrencies = results.Select(r => r.GetProperty("concurrency").GetInt32()).Distinct().Order().ToList();
var sections = new List<(int Concurrency, List<(string Label, string Family, double Ratio, double Cpu, double RawCpu)> Rows)>();
foreach (int concurrency in concurrencies)
{
    var rows = new List<(string, string, double, double, double)>();
    foreach (var spec in rowSpecs)
    {
        if (Find(concurrency, spec.Scenario, spec.Key) is not { } m || Find(concurrency, spec.Scenario, spec.Baseline) is not { } b) continue;
        double rps = m.GetProperty("requestsPerSecond").GetDouble(), baseRps = b.GetProperty("requestsPerSecond").GetDouble();
        rows.Add((spec.Label, spec.Family, baseRps > 0 ? rps / baseRps : 0, m.GetProperty("clientCpuMicroseconds").GetDouble(),
            b.GetProperty("clientCpuMicroseconds").GetDouble()));
    }
    if (rows.Count > 0) sections.Add((concurrency, rows));
}

static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
static string X(string text) => WebUtility.HtmlEncode(text);

const int Width = 1280, LabelWidth = 300, PanelWidth = 380, PanelGap = 70, BarHeight = 18, RowGap = 6, Left = 20;
const int Top = 118, SectionHeader = 52, SectionGap = 26;
int panel1X = Left + LabelWidth, panel2X = panel1X + PanelWidth + PanelGap;
double maxRatio = Math.Max(1.2, sections.SelectMany(s => s.Rows).Max(r => r.Ratio) * 1.05);
double maxCpu = sections.SelectMany(s => s.Rows).Max(r => r.Cpu) * 1.12;
int height = Top + sections.Sum(s => SectionHeader + s.Rows.Count * (BarHeight + RowGap) + SectionGap) + 40;

var svg = new StringBuilder();
void Line(string text) => svg.AppendLine(text);
Line($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" " +
    "font-family=\"DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif\" font-size=\"12\">");
Line($"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");

var machine = root.GetProperty("machine");
var load = root.GetProperty("load");
var settings = root.GetProperty("settings");
bool noisy = load.TryGetProperty("noisy", out var n) && n.ValueKind == JsonValueKind.True;
string Load(string name) => load.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? F(v.GetDouble()) : "n/a";
string title = "FluentRequests vs raw HttpClient, Flurl.Http and RestSharp (client in one process, server in another)";
Line($"<text x=\"{Left}\" y=\"28\" font-size=\"17\" font-weight=\"bold\">{X(title)}</text>");
string details = $"{machine.GetProperty("cores").GetInt32()} cores, {machine.GetProperty("os").GetString()}, {machine.GetProperty("dotnet").GetString()}, " +
                 $"commit {machine.GetProperty("commit").GetString() ?? "?"}; {settings.GetProperty("rounds").GetInt32()} interleaved round(s) of " +
                 $"{F(settings.GetProperty("seconds").GetDouble(), "0.##")} s, medians";
Line($"<text x=\"{Left}\" y=\"50\" fill=\"#333\">{X(details)}</text>");
string loadText = $"1-minute load average: {Load("start")} before, {Load("end")} after";
Line(noisy
    ? $"<text x=\"{Left}\" y=\"70\" fill=\"#c00000\" font-weight=\"bold\">NOISY (load {Load("start")}): indicative only. {X(loadText)}</text>"
    : $"<text x=\"{Left}\" y=\"70\" fill=\"#333\">{X(loadText)}</text>");

int legendX = Left;
foreach (var (_, label, color) in families)
{
    Line($"<rect x=\"{legendX}\" y=\"84\" width=\"14\" height=\"14\" fill=\"{color}\"/>");
    Line($"<text x=\"{legendX + 20}\" y=\"96\">{X(label)}</text>");
    legendX += 40 + label.Length * 7;
}

int y = Top;
foreach (var (concurrency, rows) in sections)
{
    Line($"<text x=\"{Left}\" y=\"{y + 16}\" font-size=\"15\" font-weight=\"bold\">Concurrency {concurrency}</text>");
    Line($"<text x=\"{panel1X}\" y=\"{y + 16}\" font-weight=\"bold\">Throughput, x raw (higher is better)</text>");
    Line($"<text x=\"{panel2X}\" y=\"{y + 16}\" font-weight=\"bold\">Client CPU µs per request (lower is better)</text>");
    int barsTop = y + SectionHeader - 16, barsBottom = barsTop + rows.Count * (BarHeight + RowGap);

    // Reference lines: 1.0x (raw) and the 0.95x target on throughput.
    foreach (var (value, dash, label) in new[] { (1.0, "", "1.0x"), (0.95, "4,3", "0.95x") })
    {
        double lx = panel1X + value / maxRatio * PanelWidth;
        Line(    $"<line x1=\"{F(lx)}\" y1=\"{barsTop - 4}\" x2=\"{F(lx)}\" y2=\"{barsBottom}\" stroke=\"#555\" stroke-width=\"1\"" +
            (dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "") + "/>");
        Line(    $"<text x=\"{F(lx)}\" y=\"{barsBottom + 13}\" text-anchor=\"{(value < 1 ? "end" : "start")}\" font-size=\"10\" fill=\"#555\">{label}</text>");
    }
    Line($"<line x1=\"{panel1X}\" y1=\"{barsTop - 4}\" x2=\"{panel1X}\" y2=\"{barsBottom}\" stroke=\"#000\"/>");
    Line($"<line x1=\"{panel2X}\" y1=\"{barsTop - 4}\" x2=\"{panel2X}\" y2=\"{barsBottom}\" stroke=\"#000\"/>");

    int rowY = barsTop;
    foreach (var (label, family, ratio, cpu, rawCpu) in rows)
    {
        string color = families.First(f => f.Key == family).Color;
        Line(    $"<text x=\"{panel1X - 8}\" y=\"{rowY + 13}\" text-anchor=\"end\">{X(label)}</text>");
        double w1 = Math.Max(1, ratio / maxRatio * PanelWidth);
        Line(    $"<rect x=\"{panel1X}\" y=\"{rowY}\" width=\"{F(w1)}\" height=\"{BarHeight}\" fill=\"{color}\"/>");
        Line(    $"<text x=\"{F(panel1X + w1 + 4)}\" y=\"{rowY + 13}\">{F(ratio)}x</text>");
        double w2 = Math.Max(1, cpu / maxCpu * PanelWidth);
        Line(    $"<rect x=\"{panel2X}\" y=\"{rowY}\" width=\"{F(w2)}\" height=\"{BarHeight}\" fill=\"{color}\"/>");
        string cpuText = family == "raw" ? $"{F(cpu, "F1")} µs" : $"{F(cpu, "F1")} µs ({F(rawCpu > 0 ? cpu / rawCpu : 0)}x raw)";
        Line(    $"<text x=\"{F(panel2X + w2 + 4)}\" y=\"{rowY + 13}\">{X(cpuText)}</text>");
        rowY += BarHeight + RowGap;
    }
    y = barsBottom + SectionGap + 16;
}
Line($"<text x=\"{Left}\" y=\"{height - 14}\" font-size=\"11\" fill=\"#555\">" +
    X("Each row is compared with its own raw baseline: async GET rows with HttpClient.GetAsync, sync rows with HttpClient.Send, " +
      "POST rows with PostAsJsonAsync, HTTP/2 rows with HttpClient on HTTP/2.") + "</text>");
svg.AppendLine("</svg>");
File.WriteAllText(args[1], svg.ToString());
Console.WriteLine($"chart: {sections.Sum(s => s.Rows.Count)} bars at concurrency {string.Join(", ", sections.Select(s => s.Concurrency))} -> {args[1]}");
PrintPairedRatios();
return 0;

// The same rows as ratios taken round by round: each round measures a client right after its baseline, so a ratio
// within a round is spared the drift between rounds (on a shared 2-core VM identical code moves by 30% from one round
// to the next). Prints, per row, the median of the per-round ratios and their range, as markdown.
void PrintPairedRatios()
{
    JsonElement[]? Rounds(int concurrency, string scenario, string key) => results
        .Where(r => r.GetProperty("concurrency").GetInt32() == concurrency && r.GetProperty("scenario").GetString() == scenario &&
                    r.GetProperty("key").GetString() == key)
        .Select(r => r.GetProperty("rounds").EnumerateArray().ToArray())
        .FirstOrDefault();
    static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
    Console.WriteLine();
    Console.WriteLine("| concurrency | client | CPU vs its baseline, per-round median (range) | throughput vs its baseline, per-round median (range) |");
    Console.WriteLine("|---:|---|---:|---:|");
    foreach (int concurrency in concurrencies)
    {
        foreach (var spec in rowSpecs.Where(r => r.Family != "raw"))
        {
            if (Rounds(concurrency, spec.Scenario, spec.Key) is not { } m || Rounds(concurrency, spec.Scenario, spec.Baseline) is not { } b) continue;
            var cpu = m.Zip(b, (x, y) => x.GetProperty("clientCpuMicroseconds").GetDouble() / y.GetProperty("clientCpuMicroseconds").GetDouble()).ToList();
            var rps = m.Zip(b, (x, y) => x.GetProperty("requestsPerSecond").GetDouble() / y.GetProperty("requestsPerSecond").GetDouble()).ToList();
            Console.WriteLine($"| {concurrency} | {spec.Label} | {F(Median(cpu))}x ({F(cpu.Min())}–{F(cpu.Max())}) | " +
                              $"{F(Median(rps))}x ({F(rps.Min())}–{F(rps.Max())}) |");
        }
    }
}
