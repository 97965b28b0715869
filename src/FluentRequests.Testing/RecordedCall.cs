using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FluentRequests.Testing;

/// <summary>
/// One request the fake received, as it would have gone on the wire: after the session merged its headers, cookies,
/// auth and parameters, and once per attempt (a redirect, an auth challenge or a retry is a call of its own).
/// </summary>
public sealed class RecordedCall
{
    private readonly Lazy<JsonNode?> _json;
    private readonly Lazy<IReadOnlyList<KeyValuePair<string, string>>> _form;
    private readonly Lazy<IReadOnlyList<RecordedPart>> _parts;

    internal RecordedCall(int index, string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Index = index;
        Method = method;
        Uri = url;
        Headers = headers;
        Body = body;
        Query = FormEncoding.Parse(url.Query.TrimStart('?'));
        BodyText = body.Length == 0 ? "" : BodyEncoding().GetString(body);
        _json = new(ParseJson);
        _form = new(() => IsContentType("application/x-www-form-urlencoded") ? FormEncoding.Parse(BodyText) : []);
        _parts = new(() => Multipart.Parse(body, Header("Content-Type")));
    }

    /// <summary>The position of this call among all the fake received, from 1.</summary>
    public int Index { get; }

    /// <summary>The method, upper case as sent.</summary>
    public string Method { get; }

    /// <summary>The URL, as sent.</summary>
    public Uri Uri { get; }

    /// <summary>The URL, as sent.</summary>
    public string Url => Uri.AbsoluteUri;

    /// <summary>The request headers (the content's included), in order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The query parameters, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>The body bytes, exactly as sent (empty when there was none).</summary>
    public IReadOnlyList<byte> BodyBytes => Body;

    internal byte[] Body { get; }

    /// <summary>The body as text, decoded with the Content-Type's charset (UTF-8 when it names none).</summary>
    public string BodyText { get; }

    /// <summary>The body parsed as JSON, or <see langword="null"/> when it is empty or not JSON.</summary>
    public JsonNode? Json => _json.Value;

    /// <summary>The fields of a form-encoded body (<c>application/x-www-form-urlencoded</c>), decoded, in order; empty otherwise.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Form => _form.Value;

    /// <summary>The parts of a <c>multipart/form-data</c> body, in order; empty otherwise.</summary>
    public IReadOnlyList<RecordedPart> Parts => _parts.Value;

    /// <summary>The cookies sent in the Cookie header, by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies
    {
        get
        {
            var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in Headers)
            {
                if (!name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var pair in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    int eq = pair.IndexOf('=');
                    if (eq > 0) cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            }
            return cookies;
        }
    }

    /// <summary>The response the fake gave, or <see langword="null"/> when no stub matched and the default answered.</summary>
    public FakeResponse? Response { get; internal set; }

    /// <summary>Whether a stub (or the queue) answered this call, rather than the default for unmatched calls.</summary>
    public bool Matched => Response is not null;

    /// <summary>The values of header <paramref name="name"/> (any case) joined with <c>", "</c>, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header name.</param>
    public string? Header(string name)
    {
        string? joined = null;
        foreach (var (n, v) in Headers)
        {
            if (n.Equals(name, StringComparison.OrdinalIgnoreCase)) joined = joined is null ? v : joined + ", " + v;
        }
        return joined;
    }

    /// <summary><c>GET https://host/path</c>, as assertion messages list calls.</summary>
    public override string ToString() => $"{Method} {Url}";

    internal bool IsContentType(string mediaType)
        => Header("Content-Type") is { } type && type.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    private Encoding BodyEncoding()
    {
        if (Header("Content-Type") is { } type)
        {
            foreach (var parameter in type.Split(';').Skip(1))
            {
                var kv = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
                if (kv.Length != 2 || !kv[0].Equals("charset", StringComparison.OrdinalIgnoreCase)) continue;
                try
                {
                    return Encoding.GetEncoding(kv[1].Trim('"'));
                }
                catch (ArgumentException)
                {
                    // An unknown charset reads as UTF-8, as Requests' apparent encoding often would.
                }
            }
        }
        return Encoding.UTF8;
    }

    private JsonNode? ParseJson()
    {
        if (Body.Length == 0) return null;
        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One part of a recorded <c>multipart/form-data</c> body.</summary>
public sealed class RecordedPart
{
    internal RecordedPart(string? name, string? fileName, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] content)
    {
        Name = name;
        FileName = fileName;
        Headers = headers;
        Content = content;
    }

    /// <summary>The form field name (Content-Disposition's <c>name</c>).</summary>
    public string? Name { get; }

    /// <summary>The file name (Content-Disposition's <c>filename</c>), or <see langword="null"/> for a plain field.</summary>
    public string? FileName { get; }

    /// <summary>The part's Content-Type, or <see langword="null"/> when it sent none.</summary>
    public string? ContentType => Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The part's headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The part's content bytes.</summary>
    public IReadOnlyList<byte> ContentBytes => Content;

    internal byte[] Content { get; }

    /// <summary>The content as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Content);

    /// <summary><c>name</c>, or <c>name (filename)</c>.</summary>
    public override string ToString() => FileName is null ? $"{Name}" : $"{Name} ({FileName})";
}
