using System.Collections;

namespace FluentRequests;

/// <summary>
/// The parts of a multipart form, in order, repeated names allowed:
/// <c>new Files { ["a"] = stream, { "b", ("b.txt", bytes, "text/plain") } }</c>.
/// </summary>
public sealed class Files : IEnumerable<KeyValuePair<string, FileField>>
{
    private readonly List<KeyValuePair<string, FileField>> _parts = new();

    /// <summary>Adds a part; the indexer's setter appends too, so repeated names are kept.</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="field">The part; <c>null</c> adds a part with no content, which is not sent (Requests skips <c>None</c>).</param>
    public void Add(string name, FileField? field)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _parts.Add(new(name, field ?? new FileField(null, null)));
    }

    /// <summary>Gets the first part with this name (or <c>null</c>); setting appends a part.</summary>
    /// <param name="name">The form field name.</param>
    public FileField? this[string name]
    {
        get => _parts.FirstOrDefault(p => p.Key == name).Value;
        set => Add(name, value);
    }

    /// <summary>How many parts there are.</summary>
    public int Count => _parts.Count;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, FileField>> GetEnumerator() => _parts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
