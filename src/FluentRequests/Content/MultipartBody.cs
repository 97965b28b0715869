using System.Text;

namespace FluentRequests;

/// <summary>
/// Requests' <c>encode_files</c>: form fields first, then files, as <c>multipart/form-data</c>. Stream parts
/// are sent as they are read, never buffered; the whole body has a Content-Length when every part's length is known.
/// </summary>
internal sealed class MultipartBody : RequestBody
{
    private readonly Files _files;
    private readonly List<KeyValuePair<string, string>> _fields;
    private readonly string _boundary = Guid.NewGuid().ToString("N");
    private readonly Dictionary<Stream, long> _streamStarts = new();

    public MultipartBody(Files files, List<KeyValuePair<string, string>> fields)
    {
        _files = files;
        _fields = fields;
        foreach (var (_, field) in files)
        {
            if (field.Content is Stream { CanSeek: true } s) _streamStarts[s] = s.Position;
        }
    }

    public string ContentType => "multipart/form-data; boundary=" + _boundary;

    public override object PublicValue => _files;

    public override long? Length
    {
        get
        {
            using var content = Build();
            return content.Headers.ContentLength;
        }
    }

    protected override HttpContent CreateContentCore() => Build();

    public override bool TryRewind()
    {
        if (!Sent) return true;
        foreach (var (_, field) in _files)
        {
            if (field.Content is not Stream s) continue;
            if (!_streamStarts.TryGetValue(s, out long start)) return false;
            s.Position = start;
        }
        return true;
    }

    private MultipartFormDataContent Build()
    {
        var multipart = new MultipartFormDataContent(_boundary);
        foreach (var (name, value) in _fields)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{Quote(name)}\"");
            multipart.Add(part);
        }
        foreach (var (name, field) in _files)
        {
            HttpContent part = field.Content switch
            {
                Stream s => new StreamContent(new NonClosingStream(s)),
                byte[] b => new ByteArrayContent(b),
                string str => new ByteArrayContent(Encoding.UTF8.GetBytes(str)),
                _ => throw new ArgumentException($"Unsupported file content {field.Content.GetType().FullName}."),
            };
            string disposition = $"form-data; name=\"{Quote(name)}\"";
            if (field.FileName is not null) disposition += $"; filename=\"{Quote(field.FileName)}\"";
            part.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
            if (field.ContentType is not null) part.Headers.TryAddWithoutValidation("Content-Type", field.ContentType);
            if (field.Headers is not null)
            {
                foreach (var (h, v) in field.Headers)
                {
                    HeaderRules.Validate(h, v);
                    part.Headers.Remove(h);
                    part.Headers.TryAddWithoutValidation(h, v);
                }
            }
            multipart.Add(part);
        }
        return multipart;
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "%0D").Replace("\n", "%0A");
}
