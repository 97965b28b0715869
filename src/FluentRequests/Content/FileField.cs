namespace FluentRequests;

/// <summary>
/// One part of a multipart form: content (a <see cref="Stream"/>, <c>byte[]</c> or <c>string</c>),
/// a file name, content type and extra headers. Converts implicitly from the content alone and from the tuples
/// <c>(fileName, content)</c>, <c>(fileName, content, contentType)</c> and <c>(fileName, content, contentType, headers)</c>.
/// </summary>
/// <remarks>
/// As in Requests, content alone is sent as a file named after the <see cref="FileStream"/>'s file, else after
/// the form field; only an explicit <c>null</c> file name (<c>(null, "value")</c>) makes a plain form field.
/// A <c>null</c> content makes a part that is skipped, as Requests skips <c>None</c>.
/// </remarks>
public sealed class FileField
{
    /// <summary>Creates a part.</summary>
    /// <param name="fileName">The file name sent in Content-Disposition, or <c>null</c> for a plain field.</param>
    /// <param name="content">A <see cref="Stream"/> (sent from its current position without being read into memory),
    /// <c>byte[]</c>, <c>string</c> (UTF-8), or <c>null</c> for a part that is not sent.</param>
    /// <param name="contentType">The part's Content-Type, or <c>null</c> (or empty) for none.</param>
    /// <param name="headers">Extra part headers, written after Content-Type in the dictionary's order, or <c>null</c>.</param>
    /// <exception cref="ArgumentException">The content is not a Stream, byte[] or string.</exception>
    public FileField(string? fileName, object? content, string? contentType = null, IDictionary<string, string>? headers = null)
        : this(fileName, content, contentType, headers, fileNameGiven: true)
    {
    }

    private FileField(string? fileName, object? content, string? contentType, IDictionary<string, string>? headers, bool fileNameGiven)
    {
        if (content is not (null or Stream or byte[] or string))
        {
            throw new ArgumentException(
                $"A file's content must be a Stream, byte[] or string; got {content.GetType().FullName}.", nameof(content));
        }
        FileName = fileName;
        Content = content;
        ContentType = contentType;
        Headers = headers;
        _fileNameGiven = fileNameGiven;
    }

    private readonly bool _fileNameGiven;

    /// <summary>
    /// The file name given, or taken from a <see cref="FileStream"/>. When it is <c>null</c>, a part made from content
    /// alone takes the form field's name as its file name; a part whose file name was given as <c>null</c> is a plain field.
    /// </summary>
    public string? FileName { get; }

    /// <summary>The content: a <see cref="Stream"/>, <c>byte[]</c>, <c>string</c>, or <c>null</c> for a part that is skipped.</summary>
    public object? Content { get; }

    /// <summary>The part's Content-Type, or <c>null</c>.</summary>
    public string? ContentType { get; }

    /// <summary>Extra part headers, or <c>null</c>.</summary>
    public IDictionary<string, string>? Headers { get; }

    /// <summary>
    /// The file name sent for the field <paramref name="fieldName"/>, or <c>null</c> for a plain field
    /// (Requests: <c>guess_filename(v) or k</c> for content alone, the tuple's file name otherwise).
    /// </summary>
    internal string? FileNameFor(string fieldName) => _fileNameGiven ? FileName : FileName ?? fieldName;

    /// <summary>Opens a file for reading; it is streamed, not read into memory, and its name is the file name.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="contentType">The Content-Type, or <c>null</c>.</param>
    public static FileField FromPath(string path, string? contentType = null)
        => new(Path.GetFileName(path), File.OpenRead(path), contentType);

    /// <summary>Stream content, sent as a file named after the <see cref="FileStream"/>'s file, else after the form field.</summary>
    public static implicit operator FileField(Stream content)
        => new(GuessFileName(content), content, null, null, fileNameGiven: false);

    /// <summary>Byte content, sent as a file named after the form field.</summary>
    public static implicit operator FileField(byte[] content) => new(null, content, null, null, fileNameGiven: false);

    /// <summary>String content (UTF-8), sent as a file named after the form field.</summary>
    public static implicit operator FileField(string content) => new(null, content, null, null, fileNameGiven: false);

    // Requests' guess_filename: the basename of the file's name, unless it is a pseudo-name such as "<stdin>"
    // (.NET names a FileStream opened from a handle "[Unknown]").
    private static string? GuessFileName(Stream? content)
    {
        if (content is not FileStream { Name: { Length: > 0 } name } || name == "[Unknown]") return null;
        if (name[0] == '<' && name[^1] == '>') return null;
        string baseName = Path.GetFileName(name);
        return baseName.Length > 0 ? baseName : null;
    }

    /// <summary>A named stream.</summary>
    public static implicit operator FileField((string? FileName, Stream Content) f) => new(f.FileName, f.Content);

    /// <summary>Named bytes.</summary>
    public static implicit operator FileField((string? FileName, byte[] Content) f) => new(f.FileName, f.Content);

    /// <summary>A named string.</summary>
    public static implicit operator FileField((string? FileName, string Content) f) => new(f.FileName, f.Content);

    /// <summary>A named stream with a content type.</summary>
    public static implicit operator FileField((string? FileName, Stream Content, string? ContentType) f) => new(f.FileName, f.Content, f.ContentType);

    /// <summary>Named bytes with a content type.</summary>
    public static implicit operator FileField((string? FileName, byte[] Content, string? ContentType) f) => new(f.FileName, f.Content, f.ContentType);

    /// <summary>A named string with a content type.</summary>
    public static implicit operator FileField((string? FileName, string Content, string? ContentType) f) => new(f.FileName, f.Content, f.ContentType);

    /// <summary>A named stream with a content type and headers.</summary>
    public static implicit operator FileField((string? FileName, Stream Content, string? ContentType, IDictionary<string, string>? Headers) f)
        => new(f.FileName, f.Content, f.ContentType, f.Headers);

    /// <summary>Named bytes with a content type and headers.</summary>
    public static implicit operator FileField((string? FileName, byte[] Content, string? ContentType, IDictionary<string, string>? Headers) f)
        => new(f.FileName, f.Content, f.ContentType, f.Headers);

    /// <summary>A named string with a content type and headers.</summary>
    public static implicit operator FileField((string? FileName, string Content, string? ContentType, IDictionary<string, string>? Headers) f)
        => new(f.FileName, f.Content, f.ContentType, f.Headers);
}
