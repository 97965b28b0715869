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
    // An array, not a dictionary: requests carry a handful of headers, and a linear scan over them is faster and
    // allocates less than hashing every name. Copies share the array until one of them changes (copy on write): every
    // call copies its session's headers, and most calls never change the copy.
    private KeyValuePair<string, string>[] _items;
    private int _count;
    private bool _shared;

    /// <summary>Creates an empty collection.</summary>
    public HeaderCollection() => _items = new KeyValuePair<string, string>[8];

    /// <summary>Creates a collection from pairs; later duplicates replace earlier ones.</summary>
    /// <param name="headers">The headers.</param>
    public HeaderCollection(IEnumerable<KeyValuePair<string, string>> headers) : this()
    {
        foreach (var (name, value) in headers) this[name] = value;
    }

    private HeaderCollection(KeyValuePair<string, string>[] items, int count)
    {
        _items = items;
        _count = count;
        _shared = true;
    }

    /// <summary>An empty collection with room for <paramref name="capacity"/> headers (a response's, counted before they are read).</summary>
    internal HeaderCollection(int capacity) => _items = capacity == 0 ? [] : new KeyValuePair<string, string>[capacity];

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
            return i < 0 ? null : _items[i].Value;
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
    public int Count => _count;

    /// <summary>The header names, in order, as first set.</summary>
    public IEnumerable<string> Keys => this.Select(e => e.Key);

    /// <summary>Whether a header is present.</summary>
    /// <param name="name">The header name, any case.</param>
    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    /// <summary>Gets a header's value if present.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <param name="value">The value, when found.</param>
    public bool TryGetValue(string name, out string value)
    {
        int i = IndexOf(name);
        value = i < 0 ? "" : _items[i].Value;
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
        Writable(0);
        _count--;
        Array.Copy(_items, i + 1, _items, i, _count - i);
        _items[_count] = default;
        return true;
    }

    /// <summary>Removes every header.</summary>
    public void Clear()
    {
        if (_shared)
        {
            _items = new KeyValuePair<string, string>[8];
            _shared = false;
        }
        else
        {
            Array.Clear(_items, 0, _count);
        }
        _count = 0;
    }

    /// <summary>A copy that can be changed independently.</summary>
    public HeaderCollection Copy()
    {
        // Both share the array until either changes: the first change copies it (Writable).
        _shared = true;
        return new(_items, _count);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        // Over the array as it is now, marked shared so that a change during the enumeration copies it first: the
        // enumeration sees the headers as they were when it started.
        _shared = true;
        var items = _items;
        int count = _count;
        for (int i = 0; i < count; i++) yield return items[i];
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => "{" + string.Join(", ", this.Select(e => $"'{e.Key}': '{e.Value}'")) + "}";

    /// <summary>The headers in order, without an enumerator (the send path reads them once per request).</summary>
    internal ReadOnlySpan<KeyValuePair<string, string>> Entries => _items.AsSpan(0, _count);

    /// <summary>Sets a header without validating it (the library's own values).</summary>
    internal void SetUnchecked(string name, string value)
    {
        int i = IndexOf(name);
        if (i < 0)
        {
            Writable(1);
            _items[_count++] = new(name, value);
        }
        else
        {
            Writable(0);
            _items[i] = new(_items[i].Key, value);
        }
    }

    /// <summary>Adds a value received on the wire, joining repeats with ", ".</summary>
    internal void AppendReceived(string name, string value)
    {
        int i = IndexOf(name);
        if (i < 0)
        {
            Writable(1);
            _items[_count++] = new(name, value);
        }
        else
        {
            Writable(0);
            _items[i] = new(_items[i].Key, _items[i].Value + ", " + value);
        }
    }

    /// <summary>Makes the array this collection's own (when shared with a copy) with room for <paramref name="adding"/> more.</summary>
    private void Writable(int adding)
    {
        int needed = _count + adding;
        if (!_shared && needed <= _items.Length) return;
        // A shared array is copied with room for the few headers a prepared request adds (Content-Type,
        // Content-Length, Cookie, Authorization); a full one doubles.
        var items = new KeyValuePair<string, string>[_shared ? Math.Max(needed + 4, 8) : Math.Max(needed, _items.Length * 2)];
        Array.Copy(_items, items, _count);
        _items = items;
        _shared = false;
    }

    private int IndexOf(string name)
    {
        var items = _items;
        int count = Math.Min(_count, items.Length);
        for (int i = 0; i < count; i++)
        {
            if (string.Equals(items[i].Key, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
