using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FluentRequests.Testing;

/// <summary>
/// One condition on a recorded call, shared by stubs (which calls a stub answers) and assertions (which calls count):
/// a description for messages and a check that returns <see langword="null"/> when the call meets it, else what the
/// call had instead.
/// </summary>
internal sealed record CallFilter(string Description, Func<RecordedCall, string?> Mismatch)
{
    public static CallFilter Url(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        // A pattern without '?' is about the path: the query is checked with WithQuery. A root URL matches with or without its '/'.
        bool ignoreQuery = !pattern.Contains('?');
        return new($"to {pattern}", c =>
        {
            string url = ignoreQuery && c.Uri.Query.Length > 0 ? c.Url[..^c.Uri.Query.Length] : c.Url;
            return Wildcard.IsMatch(url, pattern) || Wildcard.IsMatch(url.TrimEnd('/'), pattern) ? null : $"URL was {c.Url}";
        });
    }

    public static CallFilter Verb(string[] verbs)
    {
        if (verbs.Length == 0) throw new ArgumentException("Name at least one verb.", nameof(verbs));
        string expected = string.Join(" or ", verbs.Select(v => v.ToUpperInvariant()));
        return new($"with verb {expected}", c => verbs.Any(v => v.Equals(c.Method, StringComparison.OrdinalIgnoreCase)) ? null : $"verb was {c.Method}");
    }

    public static CallFilter Query(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string? pattern = Text(value);
        return new(
            pattern is null ? $"with query parameter {name}" : $"with query {name}={pattern}",
            c =>
            {
                var values = c.Query.Where(p => p.Key == name).Select(p => p.Value).ToList();
                if (values.Count == 0) return c.Query.Count == 0 ? "no query" : $"query was {c.Uri.Query.TrimStart('?')}";
                if (pattern is null || values.Any(v => Wildcard.IsMatch(v, pattern))) return null;
                return $"{name} was {string.Join(", ", values)}";
            });
    }

    public static CallFilter NoQuery(string name)
        => new($"without query parameter {name}", c => c.Query.Any(p => p.Key == name) ? $"query had {name}" : null);

    public static CallFilter Header(string name, string? pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(
            pattern is null ? $"with header {name}" : $"with header {name}: {pattern}",
            c => c.Header(name) switch
            {
                null => $"no {name} header",
                var v when pattern is null || Wildcard.IsMatch(v, pattern) => null,
                var v => $"{name} was {v}",
            });
    }

    public static CallFilter NoHeader(string name)
        => new($"without header {name}", c => c.Header(name) is { } v ? $"{name} was {v}" : null);

    public static CallFilter Cookie(string name, string? pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(
            pattern is null ? $"with cookie {name}" : $"with cookie {name}={pattern}",
            c => c.Cookies.TryGetValue(name, out var v)
                ? pattern is null || Wildcard.IsMatch(v, pattern) ? null : $"cookie {name} was {v}"
                : c.Header("Cookie") is { } all ? $"cookies were {all}" : "no Cookie header");
    }

    public static CallFilter Body(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new($"with body {pattern}", c => Wildcard.IsMatch(c.BodyText, pattern) ? null : $"body was {Shorten(c.BodyText)}");
    }

    public static CallFilter JsonBody(object? expected, JsonSerializerOptions? options)
    {
        JsonNode? expectedNode = expected is string text ? JsonNode.Parse(text)
            : JsonSerializer.SerializeToNode(expected, expected?.GetType() ?? typeof(object), options ?? Session.DefaultJsonOptions);
        string expectedText = expectedNode?.ToJsonString() ?? "null";
        return new($"with JSON body {expectedText}", c =>
        {
            if (c.Body.Length == 0) return "body was empty";
            if (c.Json is not { } actual && !c.BodyText.Trim().Equals("null", StringComparison.Ordinal)) return $"body was not JSON: {Shorten(c.BodyText)}";
            var differences = JsonDiff.Differences(expectedNode, c.Json);
            return differences.Count == 0 ? null : $"JSON body was {Shorten(c.Json?.ToJsonString() ?? "null")}; differs at {string.Join("; ", differences)}";
        });
    }

    public static CallFilter ContentType(string pattern)
        => new($"with Content-Type {pattern}", c => c.Header("Content-Type") is { } v && Wildcard.IsMatch(v, pattern, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Content-Type was {c.Header("Content-Type") ?? "absent"}");

    public static CallFilter FormField(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string? pattern = Text(value);
        return new(
            pattern is null ? $"with form field {name}" : $"with form field {name}={pattern}",
            c =>
            {
                var fields = c.Form.Count > 0 ? c.Form : c.Parts.Where(p => p.FileName is null).Select(p => KeyValuePair.Create(p.Name ?? "", p.Text)).ToList();
                var values = fields.Where(f => f.Key == name).Select(f => f.Value).ToList();
                if (values.Count == 0)
                {
                    return fields.Count == 0 ? "no form fields" : $"form fields were {string.Join("&", fields.Select(f => $"{f.Key}={f.Value}"))}";
                }
                return pattern is null || values.Any(v => Wildcard.IsMatch(v, pattern)) ? null : $"{name} was {string.Join(", ", values)}";
            });
    }

    public static CallFilter Part(string name, string? fileName, string? contentPattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string description = $"with multipart part {name}"
            + (fileName is null ? "" : $" (file {fileName})")
            + (contentPattern is null ? "" : $" containing {contentPattern}");
        return new(description, c =>
        {
            var named = c.Parts.Where(p => p.Name == name).ToList();
            if (named.Count == 0) return c.Parts.Count == 0 ? "no multipart parts" : $"parts were {string.Join(", ", c.Parts)}";
            bool found = named.Any(p => (fileName is null || p.FileName == fileName)
                && (contentPattern is null || Wildcard.IsMatch(p.Text, contentPattern)));
            if (found) return null;
            return $"part {name} was {string.Join(", ", named.Select(p => $"{p} {Shorten(p.Text)}"))}";
        });
    }

    public static CallFilter Predicate(Func<RecordedCall, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new(description, c => predicate(c) ? null : "the condition was false");
    }

    internal static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
