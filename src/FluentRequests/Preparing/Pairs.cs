using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace FluentRequests;

/// <summary>
/// Turns what users pass as params, form data, headers or cookies into ordered name/value pairs:
/// mappings, <see cref="KeyValuePair{TKey,TValue}"/> or <c>(string, T)</c> pairs, <see cref="NameValues.Of"/>, and
/// anonymous objects (or any POCO). Only the last needs reflection over a type the trimmer cannot see; it is behind
/// the <see cref="ReflectionSwitch"/> feature switch, which trimmed and Native AOT apps turn off (docs/aot.md).
/// </summary>
internal static class Pairs
{
    /// <summary>The feature switch for reading anonymous objects (and POCOs) by reflection.</summary>
    public const string ReflectionSwitch = "FluentRequests.Pairs.IsReflectionEnabled";

    private const string ReflectionWarning =
        "An anonymous object's properties are read by reflection, which trimming removes: pass a dictionary, pairs, "
        + "tuples or NameValues.Of(...).";

    private static readonly ConcurrentDictionary<Type, Func<object, object?>[]?> PairAccessors = new();
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Members = new();
    private static readonly ConcurrentDictionary<Type, bool> ObjectShapes = new();

    /// <summary>
    /// Whether anonymous objects and POCOs are read by reflection: on unless the app turns the switch off. As a feature
    /// guard for <see cref="RequiresUnreferencedCodeAttribute"/> it is <c>false</c> in every trimmed or Native AOT
    /// app, with no setting: the trimmer removes the reflection, and the analyzers accept the guarded calls.
    /// </summary>
    [FeatureSwitchDefinition(ReflectionSwitch)]
    [FeatureGuard(typeof(RequiresUnreferencedCodeAttribute))]
    public static bool IsReflectionEnabled { get; } = !AppContext.TryGetSwitch(ReflectionSwitch, out bool enabled) || enabled;

    /// <summary>Whether <paramref name="value"/> is a shape <see cref="Enumerate"/> accepts.</summary>
    public static bool IsMappingLike(object value)
        => value is IDictionary or IEnumerable<KeyValuePair<string, string>> or IEnumerable<KeyValuePair<string, object?>>
            || (value is IEnumerable and not string and not byte[] && !IsScalar(value))
            || (IsReflectionEnabled && IsObjectWithMembers(value.GetType()));

    /// <summary>
    /// The raw (name, value) pairs, values not yet stringified; <paramref name="memberNameDashes"/> turns '_' into '-'
    /// in anonymous-object member names (headers).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, object?>> Enumerate(object source, string argument, bool memberNameDashes = false)
    {
        switch (source)
        {
            case MemberValues members:
                foreach (var kv in members) yield return memberNameDashes ? new(kv.Key.Replace('_', '-'), kv.Value) : kv;
                yield break;
            case IEnumerable<KeyValuePair<string, string>> strings:
                foreach (var kv in strings) yield return new(kv.Key, kv.Value);
                yield break;
            case IEnumerable<KeyValuePair<string, object?>> objects:
                foreach (var kv in objects) yield return kv;
                yield break;
            case IDictionary dictionary:
                foreach (DictionaryEntry e in dictionary) yield return new(KeyString(e.Key, argument), e.Value);
                yield break;
            case IEnumerable sequence when !IsScalar(source):
                foreach (var item in sequence) yield return Pair(item, argument);
                yield break;
        }
        if (!IsReflectionEnabled) throw Unsupported(source, argument);
        foreach (var pair in ReadObject(source, argument, memberNameDashes)) yield return pair;
    }

    [RequiresUnreferencedCode(ReflectionWarning)]
    private static IEnumerable<KeyValuePair<string, object?>> ReadObject(object source, string argument, bool memberNameDashes)
    {
        var type = source.GetType();
        if (!IsObjectWithMembers(type)) throw Unsupported(source, argument);
        foreach (var (name, get) in Members.GetOrAdd(type, ReadMembers))
        {
            yield return new(memberNameDashes ? name.Replace('_', '-') : name, get(source));
        }
    }

    /// <summary>
    /// Pairs with values stringified, sequences expanded (the key repeats) and <c>null</c> values dropped. A
    /// <c>byte[]</c> value stays bytes (one value, as Python's <c>urlencode</c> takes a <c>bytes</c> value), so it is a
    /// <see cref="string"/> or a <c>byte[]</c>.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, object>> Flatten(object source, string argument)
    {
        foreach (var (key, value) in Enumerate(source, argument))
        {
            if (value is null) continue;
            if (value is IEnumerable sequence and not string and not byte[])
            {
                foreach (var item in sequence)
                {
                    if (item is not null) yield return new(key, item as byte[] ?? (object)Format(item));
                }
            }
            else
            {
                yield return new(key, value as byte[] ?? (object)Format(value));
            }
        }
    }

    /// <summary>Formats a value the way it goes on the wire: invariant culture, ISO 8601 dates, enum names.</summary>
    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("o", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static KeyValuePair<string, object?> Pair(object? item, string argument)
    {
        // The common KeyValuePair shapes are matched by type, so they need no reflection (trimmed and AOT apps).
        switch (item)
        {
            case ITuple { Length: 2 } tuple: return new(KeyString(tuple[0], argument), tuple[1]);
            case KeyValuePair<string, string> kv: return new(KeyString(kv.Key, argument), kv.Value);
            case KeyValuePair<string, object> kv: return new(KeyString(kv.Key, argument), kv.Value);
            case KeyValuePair<string, int> kv: return new(KeyString(kv.Key, argument), kv.Value);
            case KeyValuePair<string, long> kv: return new(KeyString(kv.Key, argument), kv.Value);
            case KeyValuePair<string, double> kv: return new(KeyString(kv.Key, argument), kv.Value);
            case KeyValuePair<string, bool> kv: return new(KeyString(kv.Key, argument), kv.Value);
            case KeyValuePair<string, string[]> kv: return new(KeyString(kv.Key, argument), kv.Value);
        }
        if (item is not null && IsReflectionEnabled)
        {
            var accessors = PairAccessors.GetOrAdd(item.GetType(), KeyValueAccessors);
            if (accessors is not null) return new(KeyString(accessors[0](item), argument), accessors[1](item));
        }
        throw new ArgumentException(
            $"Each item of {argument} must be a KeyValuePair or a (name, value) tuple; got {item?.GetType().FullName ?? "null"}."
            + (IsReflectionEnabled ? "" : " With reflection off (a trimmed or AOT app) a KeyValuePair needs a string key and a "
                + "string, object, int, long, double, bool or string[] value; use (name, value) tuples for others."),
            argument);
    }

    [RequiresUnreferencedCode("A KeyValuePair of any other types is read by reflection.")]
    private static Func<object, object?>[]? KeyValueAccessors(Type type)
    {
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(KeyValuePair<,>)) return null;
        var key = type.GetProperty("Key")!;
        var value = type.GetProperty("Value")!;
        return [o => key.GetValue(o), o => value.GetValue(o)];
    }

    private static string KeyString(object? key, string argument)
        => key is null
            ? throw new ArgumentException($"A name in {argument} is null; names must be strings.", argument)
            : Format(key);

    private static bool IsScalar(object value)
        => value is string or byte[] or Stream or HttpContent || value.GetType().IsPrimitive || value is decimal or Enum;

    /// <summary>
    /// Anonymous objects and the user's own classes and records count as name/value objects; value types
    /// (DateTime, Guid, TimeSpan…) and framework classes (Uri, Version…) do not, so they are rejected
    /// instead of being sent property by property. Cached per type: this runs on every request.
    /// </summary>
    [RequiresUnreferencedCode(ReflectionWarning)]
    private static bool IsObjectWithMembers(Type type) => ObjectShapes.GetOrAdd(type, static t =>
        t.IsClass && !t.IsArray && t != typeof(string)
        && !typeof(Delegate).IsAssignableFrom(t) && !typeof(Stream).IsAssignableFrom(t) && !typeof(HttpContent).IsAssignableFrom(t)
        && !(t.Namespace ?? "").StartsWith("System", StringComparison.Ordinal)
        && t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetIndexParameters().Length == 0));

    [RequiresUnreferencedCode(ReflectionWarning)]
    private static (string, Func<object, object?>)[] ReadMembers(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, (Func<object, object?>)p.GetValue))
            .ToArray();

    public static ArgumentException Unsupported(object value, string argument) => new(
        $"Unsupported {argument} type {value.GetType().FullName}: {argument} accepts a mapping (IDictionary, IReadOnlyDictionary), " +
        "pairs (KeyValuePair or (string, value) tuples) or an anonymous object" +
        (IsReflectionEnabled || (value is string or byte[]) ? "" : AnonymousObjectsOff) +
        argument switch
        {
            "params" => ", or a raw query string or byte[].",
            "data" => ", or a string, byte[], Stream, IEnumerable<byte[]>, IAsyncEnumerable<byte[]> or HttpContent.",
            "cookies" => ", or a CookieJar, System.Net.CookieContainer or CookieCollection.",
            _ => ".",
        },
        argument);

    // Unsupported's note when the switch is off: the user may well have passed an anonymous object.
    private const string AnonymousObjectsOff =
        " (reflection over anonymous objects is off in this app, as in every trimmed or Native AOT app: wrap one in "
        + "NameValues.Of(...), or see docs/aot.md for the " + ReflectionSwitch + " switch)";
}
