using System.Collections;

namespace FluentRequests;

/// <summary>
/// HTTP headers: case-insensitive names, insertion order kept, one value per name (repeated response
/// headers are joined with <c>", "</c>, as Requests does). Reading a missing name gives <c>null</c>;
/// setting <c>null</c> removes it. Names and values are checked when set: CR or LF, leading whitespace,
/// or a colon in the name throw <see cref="InvalidHeaderException"/>.
/// </summary>
public sealed class HeaderCollection : IEnumerable<KeyValuePair<string, string>>
{
    // A list, not a dictionary: requests carry a handful of headers, and a linear scan over them is
    // faster and allocates less than hashing every name.
    private readonly List<KeyValuePair<string, string>> _entries;

    /// <summary>Creates an empty collection.</summary>
    public HeaderCollection() => _entries = new List<KeyValuePair<string, string>>(8);

    /// <summary>Creates a collection from pairs; later duplicates replace earlier ones.</summary>
    /// <param name="headers">The headers.</param>
    public HeaderCollection(IEnumerable<KeyValuePair<string, string>> headers) : this()
    {
        foreach (var (name, value) in headers) this[name] = value;
    }

    private HeaderCollection(List<KeyValuePair<string, string>> entries) => _entries = entries;

    /// <summary>An empty collection with room for <paramref name="capacity"/> headers (a response's, counted before they are read).</summary>
    internal HeaderCollection(int capacity) => _entries = new List<KeyValuePair<string, string>>(capacity);

    /// <summary>Gets a header's value (<c>null</c> when absent), sets it (replacing, keeping its position), or removes it when set to <c>null</c>.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <exception cref="InvalidHeaderException">
    /// The name or value holds CR/LF, leading whitespace, or the name is not a token (a colon, space, non-ASCII…), or the value
    /// holds a non-ASCII character.
    /// </exception>
    public string? this[string name]
    {
        get
        {
            int i = IndexOf(name);
            return i < 0 ? null : _entries[i].Value;
        }
        set
        {
            if (value is null)
            {
                Remove(name);
                return;
            }
            HeaderRules.Validate(name, value);
            SetUnchecked(name, value);
        }
    }

    /// <summary>How many headers there are.</summary>
    public int Count => _entries.Count;

    /// <summary>The header names, in order, as first set.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>Whether a header is present.</summary>
    /// <param name="name">The header name, any case.</param>
    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    /// <summary>Gets a header's value if present.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <param name="value">The value, when found.</param>
    public bool TryGetValue(string name, out string value)
    {
        int i = IndexOf(name);
        value = i < 0 ? "" : _entries[i].Value;
        return i >= 0;
    }

    /// <summary>Sets a header (same as the indexer's setter).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, string value) => this[name] = value;

    /// <summary>Removes a header.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>Whether it was present.</returns>
    public bool Remove(string name)
    {
        int i = IndexOf(name);
        if (i < 0) return false;
        _entries.RemoveAt(i);
        return true;
    }

    /// <summary>Removes every header.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>A copy that can be changed independently.</summary>
    public HeaderCollection Copy()
    {
        // Room for the few headers a prepared request adds (Content-Type, Content-Length, Cookie, Authorization).
        var entries = new List<KeyValuePair<string, string>>(_entries.Count + 4);
        entries.AddRange(_entries);
        return new(entries);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => "{" + string.Join(", ", _entries.Select(e => $"'{e.Key}': '{e.Value}'")) + "}";

    internal void SetUnchecked(string name, string value)
    {
        int i = IndexOf(name);
        if (i < 0) _entries.Add(new(name, value));
        else _entries[i] = new(_entries[i].Key, value);
    }

    /// <summary>Adds a value received on the wire, joining repeats with ", ".</summary>
    internal void AppendReceived(string name, string value)
    {
        int i = IndexOf(name);
        if (i < 0) _entries.Add(new(name, value));
        else _entries[i] = new(_entries[i].Key, _entries[i].Value + ", " + value);
    }

    private int IndexOf(string name)
    {
        var entries = _entries;
        for (int i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
