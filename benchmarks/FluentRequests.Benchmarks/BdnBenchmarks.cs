using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FluentRequests.Benchmarks;

/// <summary>
/// A short job for a 2-core machine: one launch, 3 warm-up and 8 measured iterations, run in-process.
/// In-process keeps BenchmarkDotNet from generating and building a second project (whose build would
/// write into the shared src/ obj folders, next to other builds running on the same machine).
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public ShortInProcessConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short-InProcess"));
    }
}

/// <summary>Single-request latency and allocations of GET /json: raw HttpClient against each FluentRequests entry point.</summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class GetBenchmarks
{
    private BenchServer _server = null!;
    private HttpClient _http = null!;
    private HttpClient _httpLikeOurs = null!;
    private Session _session = null!;
    private string _url = null!;
    private RawSocketConnection _floor = null!;

    /// <summary>Starts the server and the clients, and sends one request with each so connections exist.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = BenchServer.Start();
        _url = _server.JsonUrl;
        _httpLikeOurs = ClientSet.CreateHttpClientLikeOurs();
        _floor = RawSocketConnection.ForGet(_server.BaseUri);
        _http = new HttpClient();
        _session = new Session();
        _ = RawHttpClientAsync().GetAwaiter().GetResult();
        _ = SessionGetAsync().GetAwaiter().GetResult();
    }

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _session.Dispose();
        _httpLikeOurs.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The floor: a raw keep-alive socket; its allocations are (almost) all the in-process server's.</summary>
    [Benchmark(Description = "raw socket (server floor)")]
    public ValueTask<int> Floor() => _floor.SendAsync();

    /// <summary>The baseline: a shared HttpClient, GetAsync then ReadAsByteArrayAsync.</summary>
    [Benchmark(Baseline = true, Description = "HttpClient GetAsync (raw)")]
    public async Task<int> RawHttpClientAsync()
    {
        using var response = await _http.GetAsync(_url).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return body.Length;
    }

    /// <summary>A raw HttpClient configured like FluentRequests' transport (decompression, the same default headers).</summary>
    [Benchmark(Description = "HttpClient GetAsync (raw, configured like ours)")]
    public async Task<int> RawHttpClientLikeOursAsync()
    {
        using var response = await _httpLikeOurs.GetAsync(_url).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return body.Length;
    }

    /// <summary>The sync baseline: a shared HttpClient, Send then read the stream.</summary>
    [Benchmark(Description = "HttpClient Send (raw, sync)")]
    public int RawHttpClientSync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        using var response = _http.Send(request);
        using var stream = response.Content.ReadAsStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return (int)buffer.Length;
    }

    /// <summary>Session.GetAsync on one shared session.</summary>
    [Benchmark(Description = "Session.GetAsync")]
    public async Task<int> SessionGetAsync() => (await _session.GetAsync(_url).ConfigureAwait(false)).Content.Length;

    /// <summary>Session.Get (truly synchronous).</summary>
    [Benchmark(Description = "Session.Get (sync)")]
    public int SessionGet() => _session.Get(_url).Content.Length;

    /// <summary>The fluent builder on the shared session.</summary>
    [Benchmark(Description = "session.Url(u).GetAsync()")]
    public async Task<int> FluentGetAsync() => (await _session.Url(_url).GetAsync().ConfigureAwait(false)).Content.Length;

    /// <summary>The top-level API: a throwaway session per call.</summary>
    [Benchmark(Description = "Requests.GetAsync")]
    public async Task<int> RequestsGetAsync() => (await Requests.GetAsync(_url).ConfigureAwait(false)).Content.Length;

    /// <summary>The top-level sync API.</summary>
    [Benchmark(Description = "Requests.Get (sync)")]
    public int RequestsGet() => Requests.Get(_url).Content.Length;
}

/// <summary>POST /echo with a small JSON body: raw HttpClient against Session and the fluent builder.</summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class PostJsonBenchmarks
{
    private BenchServer _server = null!;
    private HttpClient _http = null!;
    private Session _session = null!;
    private string _url = null!;
    private RawSocketConnection _floor = null!;

    /// <summary>Starts the server and the clients, and sends one request with each so connections exist.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = BenchServer.Start();
        _url = _server.EchoUrl;
        _floor = RawSocketConnection.ForPost(
            _server.BaseUri, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Payload.Instance, Session.DefaultJsonOptions));
        _http = new HttpClient();
        _session = new Session();
        _ = RawPostAsJsonAsync().GetAwaiter().GetResult();
        _ = SessionPostAsync().GetAwaiter().GetResult();
    }

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _session.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The floor: a raw keep-alive socket; its allocations are (almost) all the in-process server's.</summary>
    [Benchmark(Description = "raw socket (server floor)")]
    public ValueTask<int> Floor() => _floor.SendAsync();

    /// <summary>The baseline: PostAsJsonAsync then ReadAsByteArrayAsync.</summary>
    [Benchmark(Baseline = true, Description = "HttpClient PostAsJsonAsync (raw)")]
    public async Task<int> RawPostAsJsonAsync()
    {
        using var response = await _http.PostAsJsonAsync(_url, Payload.Instance).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return body.Length;
    }

    /// <summary>Session.PostAsync with <c>json:</c>.</summary>
    [Benchmark(Description = "Session.PostAsync(json:)")]
    public async Task<int> SessionPostAsync() => (await _session.PostAsync(_url, json: Payload.Instance).ConfigureAwait(false)).Content.Length;

    /// <summary>The fluent builder's PostJsonAsync.</summary>
    [Benchmark(Description = "session.Url(u).PostJsonAsync")]
    public async Task<int> FluentPostJsonAsync() => (await _session.Url(_url).PostJsonAsync(Payload.Instance).ConfigureAwait(false)).Content.Length;

    /// <summary>The top-level API.</summary>
    [Benchmark(Description = "Requests.PostAsync(json:)")]
    public async Task<int> RequestsPostAsync() => (await Requests.PostAsync(_url, json: Payload.Instance).ConfigureAwait(false)).Content.Length;
}
