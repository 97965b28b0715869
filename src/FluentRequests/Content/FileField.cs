namespace FluentRequests;

/// <summary>
/// One part of a multipart form: content (a <see cref="Stream"/>, <c>byte[]</c> or <c>string</c>),
/// an optional file name (a <c>null</c> file name makes a plain form field), content type and extra headers.
/// Converts implicitly from the content alone and from the tuples <c>(fileName, content)</c>,
/// <c>(fileName, content, contentType)</c> and <c>(fileName, content, contentType, headers)</c>.
/// </summary>
public sealed class FileField
{
    /// <summary>Creates a part.</summary>
    /// <param name="fileName">The file name sent in Content-Disposition, or <c>null</c> for a plain field.</param>
    /// <param name="content">A <see cref="Stream"/> (sent without being read into memory), <c>byte[]</c> or <c>string</c>.</param>
    /// <param name="contentType">The part's Content-Type, or <c>null</c> for none.</param>
    /// <param name="headers">Extra part headers, or <c>null</c>.</param>
    /// <exception cref="ArgumentException">The content is not a Stream, byte[] or string.</exception>
    public FileField(string? fileName, object content, string? contentType = null, IDictionary<string, string>? headers = null)
    {
        if (content is not (Stream or byte[] or string))
        {
            throw new ArgumentException(
                $"A file's content must be a Stream, byte[] or string; got {content?.GetType().FullName ?? "null"}.", nameof(content));
        }
        FileName = fileName;
        Content = content;
        ContentType = contentType;
        Headers = headers;
    }

    /// <summary>The file name, or <c>null</c> for a plain form field.</summary>
    public string? FileName { get; }

    /// <summary>The content: a <see cref="Stream"/>, <c>byte[]</c> or <c>string</c>.</summary>
    public object Content { get; }

    /// <summary>The part's Content-Type, or <c>null</c>.</summary>
    public string? ContentType { get; }

    /// <summary>Extra part headers, or <c>null</c>.</summary>
    public IDictionary<string, string>? Headers { get; }

    /// <summary>Opens a file for reading; it is streamed, not read into memory, and its name is the file name.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="contentType">The Content-Type, or <c>null</c>.</param>
    public static FileField FromPath(string path, string? contentType = null)
        => new(Path.GetFileName(path), File.OpenRead(path), contentType);

    /// <summary>Stream content; the file name is taken from a <see cref="FileStream"/>, as Requests does.</summary>
    public static implicit operator FileField(Stream content)
        => new(content is FileStream fs ? Path.GetFileName(fs.Name) : null, content);

    /// <summary>Byte content with no file name.</summary>
    public static implicit operator FileField(byte[] content) => new(null, content);

    /// <summary>String content (UTF-8) with no file name.</summary>
    public static implicit operator FileField(string content) => new(null, content);

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
