using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Flurl.Http;
using RestSharp;

namespace FluentRequests.Benchmarks;

/// <summary>One client under test in one scenario: an async operation per loop, or a sync one run on threads.</summary>
/// <param name="Key">Short key used by <c>--only</c> and for the baseline (<c>raw</c>).</param>
/// <param name="Name">The row's label.</param>
/// <param name="Scenario"><c>GET /json</c> or <c>POST /echo</c>.</param>
/// <param name="Async">Makes the async operation of loop <c>i</c>.</param>
/// <param name="Sync">Makes the sync operation of thread <c>i</c>.</param>
public sealed record ClientCase(string Key, string Name, string Scenario, Func<int, Func<ValueTask>>? Async = null, Func<int, Action>? Sync = null);

/// <summary>
/// Every client, created once and shared by all loops the way each library recommends: one HttpClient,
/// one Session, one FlurlClient, one RestClient. Each op reads the whole body and checks the status.
/// </summary>
public sealed class ClientSet : IDisposable
{
    /// <summary>The GET scenario's name.</summary>
    public const string Get = "GET /json";

    /// <summary>The POST scenario's name.</summary>
    public const string Post = "POST /echo";

    private readonly Uri _baseUri;
    private readonly HttpClient _http = new();
    private readonly HttpClient _httpLikeOurs = CreateHttpClientLikeOurs();
    private readonly Session _session = new();

    // The same session without reading the environment (proxies, CA bundle, .netrc): what that rule costs per call.
    private readonly Session _sessionNoEnv = new() { TrustEnv = false };
    private readonly FlurlClient _flurl;
    private readonly RestClient _rest;
    private readonly ConcurrentDictionary<(string, int), RawSocketConnection> _sockets = new();
    private readonly Uri? _h2cUri;
    private readonly HttpClient _http2 = new()
    {
        DefaultRequestVersion = System.Net.HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
    private readonly Session _session2 = new()
    {
        HttpVersion = System.Net.HttpVersion.Version20,
        HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    // Raw HttpClient on HTTP/2 sending Requests' default headers: what those headers cost the protocol's own client.
    private readonly HttpClient _http2LikeOurs = CreateHttpClientLikeOurs(System.Net.HttpVersion.Version20);

    // The HTTP/2 session without reading the environment: whether HTTP/2's gap to raw is that rule or the protocol.
    private readonly Session _session2NoEnv = new()
    {
        HttpVersion = System.Net.HttpVersion.Version20,
        HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        TrustEnv = false,
    };

    /// <summary>
    /// Creates the clients against the server at <paramref name="baseUri"/> (serving GET /json and POST /echo), and, with
    /// <paramref name="h2cUri"/>, the HTTP/2 rows against the same endpoints over h2c.
    /// </summary>
    public ClientSet(Uri baseUri, Uri? h2cUri = null)
    {
        _baseUri = baseUri;
        _h2cUri = h2cUri;
        _flurl = new FlurlClient(baseUri.ToString());
        _rest = new RestClient(new RestClientOptions(baseUri));
    }

    /// <summary>All cases, GET first then POST; the first of each scenario is the floor, the second the baseline.</summary>
    public IReadOnlyList<ClientCase> Cases()
    {
        string get = new Uri(_baseUri, "json").ToString(), post = new Uri(_baseUri, "echo").ToString();
        string get2 = _h2cUri is null ? get : new Uri(_h2cUri, "json").ToString();
        byte[] payloadJson = JsonSerializer.SerializeToUtf8Bytes(Payload.Instance, Session.DefaultJsonOptions);
        return
        [
            new("floor", "raw socket (floor)", Get, Async: i => Socket("get", i, () => RawSocketConnection.ForGet(_baseUri))),
            new("raw", "HttpClient (raw, shared)", Get, Async: _ => HttpClientGet(_http, get)),
            new("raw-like", "HttpClient (raw, decompression + our 4 headers)", Get, Async: _ => HttpClientGet(_httpLikeOurs, get)),
            new("session", "FluentRequests Session.GetAsync", Get, Async: _ => SessionGet(_session, get)),
            new("noenv", "FluentRequests Session.GetAsync, TrustEnv = false", Get, Async: _ => SessionGet(_sessionNoEnv, get)),
            new("requests", "FluentRequests Requests.GetAsync", Get, Async: _ => async () =>
            {
                var r = await Requests.GetAsync(get).ConfigureAwait(false);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("fluent", "FluentRequests session.Url(u).GetAsync()", Get, Async: _ => async () =>
            {
                var r = await _session.Url(get).GetAsync().ConfigureAwait(false);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("raw-h2", "HttpClient on HTTP/2 (h2c, raw, shared)", Get, Async: _ => HttpClientGet(_http2, get2)),
            new("session-h2", "FluentRequests Session.GetAsync on HTTP/2 (h2c)", Get, Async: _ => SessionGet(_session2, get2)),
            new("raw-like-h2", "HttpClient on HTTP/2 (h2c, raw, decompression + our 4 headers)", Get, Async: _ => HttpClientGet(_http2LikeOurs, get2)),
            new("noenv-h2", "FluentRequests Session.GetAsync on HTTP/2 (h2c), TrustEnv = false", Get, Async: _ => SessionGet(_session2NoEnv, get2)),
            new("raw-sync", "HttpClient.Send (raw, sync threads)", Get, Sync: _ => () =>
            {
                using var m = new HttpRequestMessage(HttpMethod.Get, get);
                using var r = _http.Send(m);
                using var s = r.Content.ReadAsStream();
                using var b = new MemoryStream();
                s.CopyTo(b);
                Check((int)r.StatusCode, (int)b.Length);
            }),
            new("session-sync", "FluentRequests Session.Get (sync threads)", Get, Sync: _ => () =>
            {
                var r = _session.Get(get);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("requests-sync", "FluentRequests Requests.Get (sync threads)", Get, Sync: _ => () =>
            {
                var r = Requests.Get(get);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("flurl", "Flurl.Http (shared FlurlClient)", Get, Async: _ => async () =>
            {
                using var r = await _flurl.Request("json").GetAsync().ConfigureAwait(false);
                Check(r.StatusCode, (await r.GetBytesAsync().ConfigureAwait(false)).Length);
            }),
            new("restsharp", "RestSharp (shared RestClient)", Get, Async: _ => async () =>
            {
                var r = await _rest.ExecuteAsync(new RestRequest("json")).ConfigureAwait(false);
                Check((int)r.StatusCode, r.RawBytes?.Length ?? 0);
            }),

            new("floor", "raw socket (floor)", Post, Async: i => Socket("post", i, () => RawSocketConnection.ForPost(_baseUri, payloadJson))),
            new("raw", "HttpClient PostAsJsonAsync (raw, shared)", Post, Async: _ => async () =>
            {
                using var r = await _http.PostAsJsonAsync(post, Payload.Instance).ConfigureAwait(false);
                Check((int)r.StatusCode, (await r.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length);
            }),
            new("session", "FluentRequests Session.PostAsync(json:)", Post, Async: _ => async () =>
            {
                var r = await _session.PostAsync(post, json: Payload.Instance).ConfigureAwait(false);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("requests", "FluentRequests Requests.PostAsync(json:)", Post, Async: _ => async () =>
            {
                var r = await Requests.PostAsync(post, json: Payload.Instance).ConfigureAwait(false);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("fluent", "FluentRequests session.Url(u).PostJsonAsync", Post, Async: _ => async () =>
            {
                var r = await _session.Url(post).PostJsonAsync(Payload.Instance).ConfigureAwait(false);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("session-sync", "FluentRequests Session.Post(json:) (sync threads)", Post, Sync: _ => () =>
            {
                var r = _session.Post(post, json: Payload.Instance);
                Check(r.StatusCode, r.Content.Length);
            }),
            new("flurl", "Flurl.Http PostJsonAsync", Post, Async: _ => async () =>
            {
                using var r = await _flurl.Request("echo").PostJsonAsync(Payload.Instance).ConfigureAwait(false);
                Check(r.StatusCode, (await r.GetBytesAsync().ConfigureAwait(false)).Length);
            }),
            new("restsharp", "RestSharp AddJsonBody", Post, Async: _ => async () =>
            {
                var r = await _rest.ExecuteAsync(new RestRequest("echo", Method.Post).AddJsonBody(Payload.Instance)).ConfigureAwait(false);
                Check((int)r.StatusCode, r.RawBytes?.Length ?? 0);
            }),
        ];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var socket in _sockets.Values) socket.Dispose();
        _rest.Dispose();
        _flurl.Dispose();
        _session.Dispose();
        _sessionNoEnv.Dispose();
        _session2.Dispose();
        _session2NoEnv.Dispose();
        _http2LikeOurs.Dispose();
        _http2.Dispose();
        _httpLikeOurs.Dispose();
        _http.Dispose();
    }

    /// <summary>
    /// A raw HttpClient set up the way FluentRequests sets up its transport and session: automatic gzip/deflate/br
    /// decompression and the same default headers (sent unvalidated). It tells the cost of that configuration
    /// apart from the cost of the library's own code.
    /// </summary>
    /// <param name="httpVersion">The version every request asks for, exactly (HTTP/2 for the h2c rows); <c>null</c> for HttpClient's default.</param>
    public static HttpClient CreateHttpClientLikeOurs(Version? httpVersion = null)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            UseCookies = false,
            AllowAutoRedirect = false,
        });
        if (httpVersion is not null)
        {
            client.DefaultRequestVersion = httpVersion;
            client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Session.DefaultUserAgent);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "*/*");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Connection", "keep-alive");
        return client;
    }

    // One shape for the GET rows that differ only in the client and the URL: the lambda is what runs per request, as
    // if written inline (no extra async frame).
    private static Func<ValueTask> HttpClientGet(HttpClient client, string url) => async () =>
    {
        using var r = await client.GetAsync(url).ConfigureAwait(false);
        Check((int)r.StatusCode, (await r.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length);
    };

    private static Func<ValueTask> SessionGet(Session session, string url) => async () =>
    {
        var r = await session.GetAsync(url).ConfigureAwait(false);
        Check(r.StatusCode, r.Content.Length);
    };

    private Func<ValueTask> Socket(string scenario, int loop, Func<RawSocketConnection> create)
    {
        var connection = _sockets.GetOrAdd((scenario, loop), _ => create());
        return async () => Check(200, await connection.SendAsync().ConfigureAwait(false));
    }

    private static void Check(int status, int length)
    {
        if (status != 200 || length == 0) throw new InvalidOperationException($"Unexpected answer: status {status}, {length} body bytes.");
    }
}
