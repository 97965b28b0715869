using System.Text;

namespace FluentRequests;

/// <summary>
/// Splits decoded text into lines across chunk boundaries: a multi-byte character or a CRLF split between
/// chunks is joined before splitting, so no spurious empty lines appear (Requests' known <c>iter_lines</c> bug).
/// </summary>
internal sealed class LineSplitter
{
    private readonly Decoder _decoder;
    private readonly string? _delimiter;
    private readonly StringBuilder _pending = new();
    private char[] _chars = new char[256];

    public LineSplitter(Encoding encoding, string? delimiter)
    {
        if (delimiter is { Length: 0 }) throw new ArgumentException("A line delimiter must not be empty.", nameof(delimiter));
        _decoder = encoding.GetDecoder();
        _delimiter = delimiter;
    }

    public List<string> Push(byte[] chunk) => Split(chunk, flush: false);

    public List<string> Finish()
    {
        var lines = Split([], flush: true);
        if (_pending.Length > 0)
        {
            string last = _pending.ToString();
            if (_delimiter is null && last.EndsWith('\r')) last = last[..^1];
            lines.Add(last);
            _pending.Clear();
        }
        return lines;
    }

    private List<string> Split(byte[] chunk, bool flush)
    {
        int max = _decoder.GetCharCount(chunk, flush);
        if (_chars.Length < max) _chars = new char[max];
        int count = _decoder.GetChars(chunk, 0, chunk.Length, _chars, 0, flush);
        _pending.Append(_chars, 0, count);
        var lines = new List<string>();
        string text = _pending.ToString();
        int start = 0;
        if (_delimiter is not null)
        {
            int at;
            while ((at = text.IndexOf(_delimiter, start, StringComparison.Ordinal)) >= 0)
            {
                lines.Add(text[start..at]);
                start = at + _delimiter.Length;
            }
        }
        else
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    lines.Add(text[start..i]);
                    start = i + 1;
                }
                else if (c == '\r')
                {
                    // A CR at the end of the text may be the first half of a CRLF: wait for the next chunk.
                    if (i + 1 == text.Length && !flush) break;
                    lines.Add(text[start..i]);
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    start = i + 1;
                }
            }
        }
        _pending.Clear().Append(text, start, text.Length - start);
        return lines;
    }
}
