using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace FluentRequests;

/// <summary>
/// Anonymous objects for params, data, headers and cookies in trimmed and Native AOT apps: <c>NameValues.Of(new { q = "x" })</c>
/// reads the properties of a type the compiler names, so the trimmer keeps them, with no warning.
/// </summary>
/// <remarks>
/// A plain anonymous object works everywhere else (the verbs read it by reflection); trimmed and AOT apps turn that
/// reflection off, and this is how they keep the anonymous-object style. Dictionaries, pairs and tuples need neither.
/// </remarks>
public static class NameValues
{
    /// <summary>
    /// The public properties of <paramref name="values"/> as name/value pairs, in declaration order, ready to pass as
    /// params, data, headers or cookies; for headers, <c>_</c> in a name becomes <c>-</c>, as with an anonymous object.
    /// </summary>
    /// <typeparam name="T">The object's own type, as the compiler infers it for an anonymous object.</typeparam>
    /// <param name="values">An anonymous object, or an instance of a class or record.</param>
    /// <returns>The pairs; values are read once, now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="T"/> is not <paramref name="values"/>' own type (say, <see cref="object"/>), so its properties are unknown.
    /// </exception>
    public static IReadOnlyList<KeyValuePair<string, object?>> Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        T values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetType() != typeof(T))
        {
            throw new ArgumentException(
                $"NameValues.Of reads the properties of its type argument, {typeof(T).FullName}, but the value is a "
                + $"{values.GetType().FullName}: pass the object with its own static type (an anonymous object, a class or a record).",
                nameof(values));
        }
        var properties = Properties<T>.All;
        var pairs = new KeyValuePair<string, object?>[properties.Length];
        for (int i = 0; i < properties.Length; i++) pairs[i] = new(properties[i].Name, properties[i].GetValue(values));
        return new MemberValues(pairs);
    }

    private static class Properties<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
    {
        public static readonly PropertyInfo[] All = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
    }
}

/// <summary>The pairs <see cref="NameValues.Of"/> read from an object: member names, so headers turn <c>_</c> into <c>-</c>.</summary>
internal sealed class MemberValues(KeyValuePair<string, object?>[] pairs) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => pairs.Length;

    public KeyValuePair<string, object?> this[int index] => pairs[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)pairs).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
