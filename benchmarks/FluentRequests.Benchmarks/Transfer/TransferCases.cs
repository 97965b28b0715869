using System.Globalization;
using System.Net.Http.Headers;

namespace FluentRequests.Benchmarks;

/// <summary>One client moving one body in one scenario; <see cref="Run"/> returns the byte count the receiver saw.</summary>
/// <param name="Key">Short key used by <c>--only</c>; <c>raw</c> is each scenario's baseline.</param>
/// <param name="Name">The row's label.</param>
/// <param name="Scenario">The scenario (table) it belongs to.</param>
/// <param name="Run">Moves that many bytes and returns how many the receiving side counted.</param>
public sealed record TransferCase(string Key, string Name, string Scenario, Func<long, Task<long>> Run);

/// <summary>
/// The download and upload cases of the <c>transfer</c> mode against the <see cref="TransferServer"/> process. One shared
/// <see cref="HttpClient"/> and one shared <see cref="Session"/>; every download is read to the end into a
/// <see cref="CountingSink"/> (nothing kept), every upload's size is checked against what the server counted.
/// </summary>
public sealed class TransferCases(Uri server) : IDisposable
{
    /// <summary>Download with a Content-Length.</summary>
    public const string Download = "download, Content-Length";

    /// <summary>Download chunked.</summary>
    public const string DownloadChunked = "download, chunked";

    /// <summary>Multipart upload of a seekable stream (the body has a Content-Length).</summary>
    public const string Upload = "multipart upload, seekable stream (Content-Length)";

    /// <summary>Multipart upload of a non-seekable stream (the body is chunked).</summary>
    public const string UploadChunked = "multipart upload, non-seekable stream (chunked)";

    // Raw HttpClient's 100 s default would cut a 1 GB upload on a loaded machine; the timer costs the same either way.
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(30) };
    private readonly Session _session = new();

    /// <summary>
    /// Every case; the first of each scenario is the raw baseline (<c>raw</c>), and <c>raw-sync</c> is the baseline of
    /// the scenario's sync (<c>-sync</c>) rows.
    /// </summary>
    public IReadOnlyList<TransferCase> All() =>
    [
        new("raw", "HttpClient ResponseHeadersRead + ReadAsStreamAsync().CopyToAsync", Download, b => RawDownloadAsync(b, chunked: false, viaStream: true)),
        new("raw-content", "HttpClient ResponseHeadersRead + Content.CopyToAsync", Download, b => RawDownloadAsync(b, chunked: false, viaStream: false)),
        new("session", "FluentRequests GetAsync(stream: true) + Raw.CopyToAsync", Download, b => SessionDownloadAsync(b, chunked: false)),
        new("session-iter", "FluentRequests GetAsync(stream: true) + IterContentAsync() (8 KiB chunks)", Download, SessionIterDownloadAsync),
        new("raw-sync", "HttpClient.Send ResponseHeadersRead + ReadAsStream().CopyTo (sync)", Download,
            b => Task.FromResult(RawDownloadSync(b, viaStream: true))),
        new("raw-content-sync", "HttpClient.Send ResponseHeadersRead + Content.CopyTo (sync)", Download,
            b => Task.FromResult(RawDownloadSync(b, viaStream: false))),
        new("session-sync", "FluentRequests Get(stream: true) + Raw.CopyTo (sync)", Download, b => Task.FromResult(SessionDownloadSync(b))),

        new("raw", "HttpClient ResponseHeadersRead + ReadAsStreamAsync().CopyToAsync", DownloadChunked,
            b => RawDownloadAsync(b, chunked: true, viaStream: true)),
        new("raw-content", "HttpClient ResponseHeadersRead + Content.CopyToAsync", DownloadChunked, b => RawDownloadAsync(b, chunked: true, viaStream: false)),
        new("session", "FluentRequests GetAsync(stream: true) + Raw.CopyToAsync", DownloadChunked, b => SessionDownloadAsync(b, chunked: true)),

        new("raw", "HttpClient MultipartFormDataContent + StreamContent", Upload, b => RawUploadAsync(b, seekable: true)),
        new("session", "FluentRequests PostAsync(files:)", Upload, b => SessionUploadAsync(b, seekable: true)),
        new("raw-sync", "HttpClient.Send MultipartFormDataContent + StreamContent (sync)", Upload, b => Task.FromResult(RawUploadSync(b))),
        new("session-sync", "FluentRequests Post(files:) (sync)", Upload, b => Task.FromResult(SessionUploadSync(b))),

        new("raw", "HttpClient MultipartFormDataContent + StreamContent", UploadChunked, b => RawUploadAsync(b, seekable: false)),
        new("session", "FluentRequests PostAsync(files:)", UploadChunked, b => SessionUploadAsync(b, seekable: false)),
    ];

    /// <inheritdoc/>
    public void Dispose()
    {
        _session.Dispose();
        _http.Dispose();
    }

    /// <summary>
    /// How a streamed FluentRequests response is read to the end without keeping it: <c>Response.CopyToAsync</c>, the
    /// allocation-free path (one pooled buffer, the body decoded as sent).
    /// </summary>
    private static Task DrainAsync(Response response, Stream sink) => response.CopyToAsync(sink);

    /// <summary>The sync twin of <see cref="DrainAsync"/>.</summary>
    private static void Drain(Response response, Stream sink) => response.CopyTo(sink);

    private string DownloadUrl(long bytes, bool chunked)
        => new Uri(server, string.Create(CultureInfo.InvariantCulture, $"download?bytes={bytes}{(chunked ? "&chunked=1" : "")}")).ToString();

    private string UploadUrl => new Uri(server, "upload").ToString();

    // Two ways to drain raw HttpClient's body: HttpContent.CopyToAsync lets the connection copy from its own read buffer
    // (small socket reads); Stream.CopyToAsync over ReadAsStreamAsync reads 80 KiB at a time straight from the socket.
    private async Task<long> RawDownloadAsync(long bytes, bool chunked, bool viaStream)
    {
        using var response = await _http.GetAsync(DownloadUrl(bytes, chunked), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var sink = new CountingSink();
        if (viaStream)
        {
            await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await body.CopyToAsync(sink).ConfigureAwait(false);
        }
        else
        {
            await response.Content.CopyToAsync(sink).ConfigureAwait(false);
        }
        return sink.Count;
    }

    private long RawDownloadSync(long bytes, bool viaStream)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DownloadUrl(bytes, chunked: false));
        using var response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var sink = new CountingSink();
        if (viaStream)
        {
            using var body = response.Content.ReadAsStream();
            body.CopyTo(sink);
        }
        else
        {
            response.Content.CopyTo(sink, null, CancellationToken.None);
        }
        return sink.Count;
    }

    private async Task<long> SessionDownloadAsync(long bytes, bool chunked)
    {
        using var response = await _session.GetAsync(DownloadUrl(bytes, chunked), stream: true).ConfigureAwait(false);
        response.RaiseForStatus();
        var sink = new CountingSink();
        await DrainAsync(response, sink).ConfigureAwait(false);
        return sink.Count;
    }

    private async Task<long> SessionIterDownloadAsync(long bytes)
    {
        using var response = await _session.GetAsync(DownloadUrl(bytes, chunked: false), stream: true).ConfigureAwait(false);
        response.RaiseForStatus();
        var sink = new CountingSink();
        await foreach (byte[] chunk in response.IterContentAsync().ConfigureAwait(false)) sink.Write(chunk);
        return sink.Count;
    }

    private long SessionDownloadSync(long bytes)
    {
        using var response = _session.Get(DownloadUrl(bytes, chunked: false), stream: true);
        response.RaiseForStatus();
        var sink = new CountingSink();
        Drain(response, sink);
        return sink.Count;
    }

    private async Task<long> RawUploadAsync(long bytes, bool seekable)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new GeneratedStream(bytes, seekable));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "big.bin");
        using var response = await _http.PostAsync(UploadUrl, form).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return ParseFileBytes(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    private long RawUploadSync(long bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new GeneratedStream(bytes, seekable: true));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "big.bin");
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadUrl) { Content = form };
        using var response = _http.Send(request);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return ParseFileBytes(reader.ReadToEnd());
    }

    private async Task<long> SessionUploadAsync(long bytes, bool seekable)
    {
        var files = new Files { ["file"] = new FileField("big.bin", new GeneratedStream(bytes, seekable), "application/octet-stream") };
        var response = await _session.PostAsync(UploadUrl, files: files).ConfigureAwait(false);
        response.RaiseForStatus();
        return ParseFileBytes(response.Text);
    }

    private long SessionUploadSync(long bytes)
    {
        var files = new Files { ["file"] = new FileField("big.bin", new GeneratedStream(bytes, seekable: true), "application/octet-stream") };
        var response = _session.Post(UploadUrl, files: files);
        response.RaiseForStatus();
        return ParseFileBytes(response.Text);
    }

    /// <summary>Reads <c>fileBytes=N</c> from the server's <c>parts=1 fileBytes=N</c>.</summary>
    private static long ParseFileBytes(string answer)
    {
        const string Key = "fileBytes=";
        int at = answer.IndexOf(Key, StringComparison.Ordinal);
        if (!answer.StartsWith("parts=1 ", StringComparison.Ordinal) || at < 0)
        {
            throw new InvalidOperationException($"Unexpected upload answer '{answer}'.");
        }
        return long.Parse(answer.AsSpan(at + Key.Length), CultureInfo.InvariantCulture);
    }
}
