using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FluentRequests;

public sealed partial class Response
{
    internal static readonly JsonSerializerOptions DefaultReadOptions = new(JsonSerializerDefaults.Web);
    private byte[]? _content;
    private StreamedBody? _streamed;
    private Stream? _bodyStream;
    private bool _consumed;
    private string? _encoding;
    private string? _apparentEncoding;
    private string? _text;
    private string? _textEncoding;

    /// <summary>
    /// The charset used by <see cref="Text"/>: from Content-Type's charset, ISO-8859-1 for <c>text/*</c> without one,
    /// utf-8 for JSON, else <c>null</c> (then <see cref="ApparentEncoding"/> is used). Settable, as in Requests.
    /// </summary>
    public string? Encoding
    {
        get
        {
            // Read from the headers on first use, not per response: most callers never ask.
            if (!_encodingKnown)
            {
                _encoding = EncodingDetector.FromHeaders(Headers["Content-Type"]);
                _encodingKnown = true;
            }
            return _encoding;
        }
        set
        {
            _encoding = value;
            _encodingKnown = true;
        }
    }

    private bool _encodingKnown;

    /// <summary>
    /// The charset guessed from the body: a BOM, else UTF-8 validity of the first 64 KiB (<c>ascii</c> when all
    /// ASCII), else <c>windows-1252</c>. Bounded: it never examines more than 64 KiB.
    /// </summary>
    public string ApparentEncoding => _apparentEncoding ??= EncodingDetector.Detect(Content);

    /// <summary>
    /// The body as bytes, decompressed. For a streamed response the rest of the body is read on first access, within
    /// <see cref="Session.MaxResponseBytes"/>.
    /// </summary>
    /// <exception cref="StreamConsumedException">
    /// The streamed body was already read by <see cref="IterContent"/>, <see cref="Raw"/> or another reader.
    /// </exception>
    /// <exception cref="ResponseTooLargeException">A streamed body is larger than <see cref="Session.MaxResponseBytes"/>.</exception>
    public byte[] Content
    {
        get
        {
            if (_content is not null) return _content;
            if (_consumed) throw Consumed();
            _consumed = true;
            _content = ReadAll(async: false, default).EnsureCompleted();
            return _content;
        }
    }

    /// <summary>The body decoded with <see cref="Encoding"/>, or <see cref="ApparentEncoding"/> when that is <c>null</c>; bad bytes become U+FFFD.</summary>
    public string Text
    {
        get
        {
            string name = Encoding ?? ApparentEncoding;
            if (_text is null || _textEncoding != name)
            {
                _text = EncodingDetector.Decode(Content, name);
                _textEncoding = name;
            }
            return _text;
        }
    }

    /// <summary>The body parsed as JSON.</summary>
    /// <exception cref="JsonDecodeException">The body is not valid JSON; the message gives the line and byte position.</exception>
    public JsonElement Json()
    {
        try
        {
            using var document = IsUtf8Body() ? JsonDocument.Parse(Utf8Json()) : JsonDocument.Parse(Text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw DecodeError(e);
        }
    }

    /// <summary>
    /// The body deserialized with a System.Text.Json contract, such as a source-generated context's
    /// (<c>response.Json(AppJson.Default.Todo)</c>): no reflection, so it works in trimmed and Native AOT apps.
    /// </summary>
    /// <typeparam name="T">The type to deserialize to.</typeparam>
    /// <param name="typeInfo">The contract; its options (naming, case sensitivity) apply.</param>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <c>null</c>.</exception>
    /// <exception cref="JsonDecodeException">The body is not valid JSON or does not fit <typeparamref name="T"/>.</exception>
    public T? Json<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return IsUtf8Body() ? JsonSerializer.Deserialize(Utf8Json().Span, typeInfo) : JsonSerializer.Deserialize(Text, typeInfo);
        }
        catch (JsonException e)
        {
            throw DecodeError(e);
        }
    }

    /// <summary>
    /// The undecoded body stream when <c>stream: true</c>: the bytes as sent, still gzip/deflate/br-encoded when the
    /// server encoded them (as Requests' <c>raw</c>). Reading it consumes the body. For a response that was read
    /// already, a stream over the decoded <see cref="Content"/>.
    /// </summary>
    /// <remarks>
    /// <b>Warning:</b> saving <see cref="Raw"/> to a file saves a gzipped response as gzip. To read the body as the
    /// server meant it, use <see cref="ReadAsStream"/>, <see cref="CopyTo"/> or <see cref="SaveTo"/>, which decode it.
    /// No limit applies to <see cref="Raw"/>: it does no decoding and buffers nothing.
    /// </remarks>
    public Stream Raw
    {
        get
        {
            if (_content is not null) return new MemoryStream(_content, writable: false);
            if (_consumed) throw Consumed();
            _consumed = true;
            return OpenBody(decoded: false);
        }
    }

    /// <summary>The body in chunks of at most <paramref name="chunkSize"/> bytes (default 8 KiB), read as they arrive when streaming.</summary>
    /// <param name="chunkSize">The largest chunk, in bytes; at least 1.</param>
    /// <exception cref="StreamConsumedException">The streamed body was already read.</exception>
    public IEnumerable<byte[]> IterContent(int chunkSize = 8192)
    {
        CheckChunkSize(chunkSize);
        if (_content is not null) return Slice(_content, chunkSize);
        if (_consumed) throw Consumed();
        _consumed = true;
        return ReadChunks(chunkSize);
    }

    /// <summary>The body in chunks, read asynchronously as they arrive when streaming.</summary>
    /// <param name="chunkSize">The largest chunk, in bytes; at least 1.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public IAsyncEnumerable<byte[]> IterContentAsync(int chunkSize = 8192, CancellationToken cancellationToken = default)
    {
        CheckChunkSize(chunkSize);
        if (_content is not null) return SliceAsync(_content, chunkSize);
        if (_consumed) throw Consumed();
        _consumed = true;
        return ReadChunksAsync(chunkSize, cancellationToken);
    }

    /// <summary>
    /// The body's lines, without their terminators. Lines end at LF, CRLF or CR (or at <paramref name="delimiter"/>);
    /// a CRLF split across chunks is one terminator, so no spurious empty lines appear.
    /// Decoded with <see cref="Encoding"/>, else UTF-8.
    /// </summary>
    /// <param name="delimiter">A custom line delimiter, or <c>null</c> for line breaks.</param>
    public IEnumerable<string> IterLines(string? delimiter = null)
    {
        var splitter = new LineSplitter(EncodingDetector.Resolve(Encoding), delimiter);
        foreach (var chunk in IterContent())
        {
            foreach (var line in splitter.Push(chunk)) yield return line;
        }
        foreach (var line in splitter.Finish()) yield return line;
    }

    /// <summary>The body's lines, read asynchronously; the same rules as <see cref="IterLines"/>.</summary>
    /// <param name="delimiter">A custom line delimiter, or <c>null</c> for line breaks.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async IAsyncEnumerable<string> IterLinesAsync(string? delimiter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var splitter = new LineSplitter(EncodingDetector.Resolve(Encoding), delimiter);
        await foreach (var chunk in IterContentAsync(8192, cancellationToken).ConfigureAwait(false))
        {
            foreach (var line in splitter.Push(chunk)) yield return line;
        }
        foreach (var line in splitter.Finish()) yield return line;
    }

    /// <summary>Reads the rest of a streamed body asynchronously, so <see cref="Content"/> and <see cref="Text"/> do no I/O.</summary>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="ResponseTooLargeException">The body is larger than <see cref="Session.MaxResponseBytes"/>.</exception>
    public async Task<byte[]> ReadContentAsync(CancellationToken cancellationToken = default)
    {
        if (_content is not null) return _content;
        if (_consumed) throw Consumed();
        _consumed = true;
        _content = await ReadAll(async: true, cancellationToken).ConfigureAwait(false);
        return _content;
    }

    /// <summary>The body for the UTF-8 JSON reader, without a byte order mark (Requests' <c>guess_json_utf</c> accepts one).</summary>
    private ReadOnlyMemory<byte> Utf8Json()
    {
        var content = Content;
        return content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content.AsMemory(3) : content;
    }

    private bool IsUtf8Body()
    {
        string? name = Encoding;
        return name is null || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private JsonDecodeException DecodeError(JsonException e)
        => new($"Invalid JSON in the response from {UrlRedaction.WithoutUserInfo(Url)}: {e.Message}", e.LineNumber, e.BytePositionInLine, Request, this, e);

    private StreamConsumedException Consumed()
        => new($"The body of the response from {UrlRedaction.WithoutUserInfo(Url)} was already consumed; read Content before iterating, or iterate "
            + "once.", Request, this);

    private static void CheckChunkSize(int chunkSize)
    {
        if (chunkSize < 1) throw new ArgumentException($"chunkSize must be at least 1 byte; got {chunkSize}.", nameof(chunkSize));
    }

    private static IEnumerable<byte[]> Slice(byte[] content, int chunkSize)
    {
        for (int i = 0; i < content.Length; i += chunkSize)
        {
            yield return content.AsSpan(i, Math.Min(chunkSize, content.Length - i)).ToArray();
        }
    }

    private static async IAsyncEnumerable<byte[]> SliceAsync(byte[] content, int chunkSize)
    {
        foreach (var chunk in Slice(content, chunkSize)) yield return chunk;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private Stream OpenBody(bool decoded)
    {
        if (_streamed is null) return Stream.Null;
        _bodyStream = decoded ? _streamed.OpenDecoded() : _streamed.OpenRaw();
        _streamed = null;
        return _bodyStream;
    }

    /// <summary>Reads a streamed body whole into memory (within the buffered limit) and releases its connection.</summary>
    private async ValueTask<byte[]> ReadAll(bool async, CancellationToken cancellationToken)
    {
        if (_streamed is not { } body) return [];
        _streamed = null;
        try
        {
            return await body.ReadAllAsync(async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            body.Dispose();
        }
    }

    private IEnumerable<byte[]> ReadChunks(int chunkSize)
    {
        var stream = OpenBody(decoded: true);
        var buffer = new byte[chunkSize];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, chunkSize)) > 0) yield return buffer.AsSpan(0, read).ToArray();
        }
        finally
        {
            Dispose();
        }
    }

    private async IAsyncEnumerable<byte[]> ReadChunksAsync(int chunkSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = OpenBody(decoded: true);
        var buffer = new byte[chunkSize];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, chunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                yield return buffer.AsSpan(0, read).ToArray();
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }
}
