using System.Text.Json;
using System.Text.Json.Nodes;

namespace FluentRequests.Testing;

/// <summary>The paths where two JSON values differ, for assertion messages: <c>$.name: expected "Ada", was "Bob"</c>.</summary>
internal static class JsonDiff
{
    private const int MaxDifferences = 5;

    public static List<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var found = new List<string>();
        Compare("$", expected, actual, found);
        return found;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> found)
    {
        if (found.Count >= MaxDifferences) return;
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (!a.TryGetPropertyValue(name, out var other)) found.Add($"{path}.{name}: expected {Show(value)}, was missing");
                    else Compare($"{path}.{name}", value, other, found);
                }
                foreach (var (name, value) in a)
                {
                    if (!e.ContainsKey(name) && found.Count < MaxDifferences) found.Add($"{path}.{name}: not expected, was {Show(value)}");
                }
                break;
            case (JsonArray e, JsonArray a):
                for (int i = 0; i < Math.Min(e.Count, a.Count); i++) Compare($"{path}[{i}]", e[i], a[i], found);
                if (e.Count != a.Count) found.Add($"{path}: expected {e.Count} items, was {a.Count}");
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual)) found.Add($"{path}: expected {Show(expected)}, was {Show(actual)}");
                break;
        }
    }

    private static string Show(JsonNode? node) => CallFilter.Shorten(node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null");
}
