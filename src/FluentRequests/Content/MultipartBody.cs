using System.Collections;
using System.Security.Cryptography;
using System.Text;

namespace FluentRequests;

/// <summary>
/// Requests' <c>_encode_files</c> and urllib3's <c>encode_multipart_formdata</c>, byte for byte: data fields first
/// (sequence values repeated, <c>null</c> dropped), then the files in order, each part
/// <c>--boundary CRLF headers CRLF CRLF content CRLF</c>, then <c>--boundary-- CRLF</c>.
/// Unlike Requests, stream parts are never read into memory: they are copied to the connection as it is written, and
/// the body has a Content-Length when every stream can seek (its length is known), else it is chunked.
/// </summary>
internal sealed class MultipartBody : RequestBody
{
    private static readonly string[] SortedHeaders = ["Content-Disposition", "Content-Type", "Content-Location"];

    private readonly Files _files;
    private readonly MultipartPart[] _parts;
    private readonly byte[] _closing;

    public MultipartBody(Files files, object? data)
        : this(files, data, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)))
    {
    }

    /// <summary>Builds the body with a given boundary; the public constructor draws 16 random bytes in hex, as urllib3 does.</summary>
    internal MultipartBody(Files files, object? data, string boundary)
    {
        _files = files;
        Boundary = boundary;
        var parts = new List<MultipartPart>();
        foreach (var (name, value) in Fields(data))
        {
            parts.Add(MultipartPart.Create(Head(name, fileName: null, contentType: null, headers: null), value));
        }
        foreach (var (name, field) in files)
        {
            if (field.Content is null) continue;
            object content = field.Content is string text ? Encoding.UTF8.GetBytes(text) : field.Content;
            parts.Add(MultipartPart.Create(Head(name, field.FileNameFor(name), field.ContentType, field.Headers), content));
        }
        _parts = [.. parts];
        _closing = Encoding.ASCII.GetBytes($"--{boundary}--\r\n");
        Length = ComputeLength();
    }

    public string Boundary { get; }

    public string ContentType => "multipart/form-data; boundary=" + Boundary;

    public override object PublicValue => _files;

    public override long? Length { get; }

    protected override HttpContent CreateContentCore() => new MultipartContent(_parts, _closing, Length);

    /// <summary>Puts every stream part back where it was when the request was made; <c>false</c> when one cannot seek.</summary>
    public override bool TryRewind()
    {
        if (!Sent) return true;
        foreach (var part in _parts)
        {
            if (part.Content is not Stream stream) continue;
            if (part.Start < 0 || !stream.CanSeek) return false;
            stream.Position = part.Start;
        }
        return true;
    }

    private long? ComputeLength()
    {
        long total = _closing.Length;
        foreach (var part in _parts)
        {
            if (part.ContentLength is not { } length) return null;
            total += part.Head.Length + length + 2;
        }
        return total;
    }

    /// <summary>
    /// urllib3's <c>RequestField.render_headers</c> after <c>make_multipart</c>: Content-Disposition, then Content-Type
    /// when given and not empty, then the part's own headers in order. A part header named exactly Content-Disposition,
    /// Content-Type or Content-Location is replaced by what <c>make_multipart</c> sets (so it is dropped), and one with an
    /// empty value is not written, as in urllib3. Names and values are written as UTF-8.
    /// </summary>
    private byte[] Head(string name, string? fileName, string? contentType, IDictionary<string, string>? headers)
    {
        var head = new StringBuilder();
        head.Append("--").Append(Boundary).Append("\r\n");
        head.Append("Content-Disposition: form-data; name=\"").Append(Quote(name)).Append('"');
        if (fileName is not null) head.Append("; filename=\"").Append(Quote(fileName)).Append('"');
        head.Append("\r\n");
        if (!string.IsNullOrEmpty(contentType))
        {
            HeaderRules.Validate("Content-Type", contentType, asciiValue: false);
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }
        if (headers is not null)
        {
            foreach (var (header, value) in headers)
            {
                if (string.IsNullOrEmpty(value) || Array.IndexOf(SortedHeaders, header) >= 0) continue;
                HeaderRules.Validate(header, value, asciiValue: false);
                head.Append(header).Append(": ").Append(value).Append("\r\n");
            }
        }
        head.Append("\r\n");
        return Encoding.UTF8.GetBytes(head.ToString());
    }

    /// <summary>The WHATWG HTML rule urllib3 follows: LF, CR and '"' are percent-encoded; nothing else (backslash included) is touched.</summary>
    private static string Quote(string value)
        => value.AsSpan().IndexOfAny("\r\n\"") < 0 ? value : value.Replace("\n", "%0A").Replace("\r", "%0D").Replace("\"", "%22");

    /// <summary>
    /// Requests' handling of <c>data</c> next to files: form fields only. Each value is sent as UTF-8 text, except a
    /// <c>byte[]</c>, sent as is; a sequence value sends one field per item; <c>null</c> values and items are dropped.
    /// </summary>
    private static IEnumerable<(string Name, byte[] Value)> Fields(object? data)
    {
        switch (data)
        {
            case null:
                return [];
            case string or byte[] or ReadOnlyMemory<byte> or Memory<byte> or char[]:
                throw new ArgumentException(
                    "Data must not be a string. With files, data holds the other form fields: a mapping, pairs or an anonymous object.", nameof(data));
            case Stream or HttpContent or IEnumerable<byte[]> or IAsyncEnumerable<byte[]>:
                throw new ArgumentException(
                    $"Streamed bodies and files are mutually exclusive: data is a {data.GetType().Name}, but with files, data holds the " +
                    "other form fields (a mapping, pairs or an anonymous object). Send the stream as one of the files instead.", nameof(data));
        }
        if (!Pairs.IsMappingLike(data)) throw Pairs.Unsupported(data, "data");
        var fields = new List<(string, byte[])>();
        foreach (var (name, value) in Pairs.Enumerate(data, "data"))
        {
            if (value is IEnumerable sequence and not (string or byte[]))
            {
                foreach (var item in sequence) AddField(fields, name, item);
            }
            else
            {
                AddField(fields, name, value);
            }
        }
        return fields;
    }

    private static void AddField(List<(string, byte[])> fields, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case byte[] bytes:
                fields.Add((name, bytes));
                return;
            case Stream or HttpContent:
                throw new ArgumentException(
                    $"The data field '{name}' is a {value.GetType().Name}: data fields are text or byte[]; send a stream as one of the files.", "data");
            default:
                fields.Add((name, Encoding.UTF8.GetBytes(Pairs.Format(value))));
                return;
        }
    }
}
