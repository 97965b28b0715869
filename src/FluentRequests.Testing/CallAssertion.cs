using System.Text;
using System.Text.Json;

namespace FluentRequests.Testing;

/// <summary>
/// A fluent assertion on the calls a <see cref="FakeHttp"/> recorded. Every <c>With…</c> adds a condition and checks
/// at once: for <see cref="FakeHttp.ShouldHaveCalled"/>, that some call meets all conditions so far; for
/// <see cref="FakeHttp.ShouldNotHaveCalled"/>, that none does. A failure throws a <see cref="FakeHttpAssertionException"/>
/// whose message lists the calls made, the closest first, each with the conditions it missed and what it had instead.
/// </summary>
public sealed class CallAssertion
{
    private readonly IReadOnlyList<RecordedCall> _all;
    private readonly List<CallFilter> _filters = [];
    private readonly bool _negated;

    internal CallAssertion(IReadOnlyList<RecordedCall> calls, bool negated)
    {
        _all = calls;
        _negated = negated;
    }

    /// <summary>The calls that meet every condition so far.</summary>
    public IReadOnlyList<RecordedCall> MatchingCalls => _all.Where(c => _filters.TrueForAll(f => f.Mismatch(c) is null)).ToList();

    /// <summary>With one of these verbs.</summary>
    /// <param name="verbs">The verbs, any case.</param>
    public CallAssertion WithVerb(params string[] verbs) => Where(CallFilter.Verb(verbs));

    /// <summary>With query parameter <paramref name="name"/>, equal to <paramref name="value"/> (<c>*</c> wildcards) when given.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value or pattern, or <see langword="null"/> for any value.</param>
    public CallAssertion WithQuery(string name, object? value = null) => Where(CallFilter.Query(name, value));

    /// <summary>Without query parameter <paramref name="name"/>.</summary>
    /// <param name="name">The parameter name.</param>
    public CallAssertion WithoutQuery(string name) => Where(CallFilter.NoQuery(name));

    /// <summary>With header <paramref name="name"/>, matching <paramref name="valuePattern"/> (<c>*</c> wildcards) when given.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <param name="valuePattern">The value or pattern, or <see langword="null"/> for any value.</param>
    public CallAssertion WithHeader(string name, string? valuePattern = null) => Where(CallFilter.Header(name, valuePattern));

    /// <summary>Without header <paramref name="name"/>.</summary>
    /// <param name="name">The header name, any case.</param>
    public CallAssertion WithoutHeader(string name) => Where(CallFilter.NoHeader(name));

    /// <summary>Sending cookie <paramref name="name"/>, with a value matching <paramref name="valuePattern"/> when given.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="valuePattern">The value or pattern, or <see langword="null"/> for any value.</param>
    public CallAssertion WithCookie(string name, string? valuePattern = null) => Where(CallFilter.Cookie(name, valuePattern));

    /// <summary>With a Content-Type matching <paramref name="pattern"/> (any case, <c>*</c> wildcards).</summary>
    /// <param name="pattern">The media type or pattern, e.g. <c>application/json*</c>.</param>
    public CallAssertion WithContentType(string pattern) => Where(CallFilter.ContentType(pattern));

    /// <summary>With a body whose text matches <paramref name="pattern"/> (<c>*</c> wildcards).</summary>
    /// <param name="pattern">The body or pattern.</param>
    public CallAssertion WithBody(string pattern) => Where(CallFilter.Body(pattern));

    /// <summary>With a JSON body equal to <paramref name="expected"/> serialized (a string is taken as JSON text), property order aside.</summary>
    /// <param name="expected">The expected value.</param>
    /// <param name="options">Serializer options; <see cref="Session.DefaultJsonOptions"/> when <see langword="null"/>.</param>
    public CallAssertion WithJsonBody(object? expected, JsonSerializerOptions? options = null) => Where(CallFilter.JsonBody(expected, options));

    /// <summary>With form field <paramref name="name"/> (form-encoded, or a plain multipart field), matching <paramref name="value"/> when given.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value or pattern, or <see langword="null"/> for any value.</param>
    public CallAssertion WithFormField(string name, object? value = null) => Where(CallFilter.FormField(name, value));

    /// <summary>With multipart part <paramref name="name"/>, with this file name and content (<c>*</c> wildcards) when given.</summary>
    /// <param name="name">The part's field name.</param>
    /// <param name="fileName">The file name, or <see langword="null"/> for any.</param>
    /// <param name="contentPattern">The content as text, or a pattern, or <see langword="null"/> for any.</param>
    public CallAssertion WithPart(string name, string? fileName = null, string? contentPattern = null)
        => Where(CallFilter.Part(name, fileName, contentPattern));

    /// <summary>Meeting <paramref name="predicate"/>.</summary>
    /// <param name="predicate">The condition.</param>
    /// <param name="description">How messages describe it.</param>
    public CallAssertion With(Func<RecordedCall, bool> predicate, string description = "matching a condition")
        => Where(CallFilter.Predicate(predicate, description));

    /// <summary>Asserts that exactly <paramref name="expected"/> calls meet every condition (for a negated assertion: anything but).</summary>
    /// <param name="expected">The expected number of calls.</param>
    /// <exception cref="FakeHttpAssertionException">Another number of calls matched.</exception>
    public CallAssertion Times(int expected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        var matching = MatchingCalls;
        if ((matching.Count == expected) != _negated) return this;
        var message = new StringBuilder();
        message.Append(_negated ? "Expected calls " : "Expected ").Append(Describe()).Append(' ')
            .Append(_negated ? "not " : "").Append(Count(expected)).Append(", but there ")
            .Append(matching.Count == 1 ? "was " : "were ").Append(Count(matching.Count)).Append('.');
        ListCalls(message, matching.Count > 0 ? matching : _all, matching.Count > 0 ? "Matching calls:" : null);
        throw new FakeHttpAssertionException(message.ToString());
    }

    internal CallAssertion Where(CallFilter filter)
    {
        _filters.Add(filter);
        return Check();
    }

    internal CallAssertion Check()
    {
        var matching = MatchingCalls;
        if ((matching.Count > 0) != _negated) return this;
        var message = new StringBuilder();
        if (_negated)
        {
            message.Append("Expected no call ").Append(Describe()).Append(", but there ").Append(matching.Count == 1 ? "was " : "were ")
                .Append(Count(matching.Count)).Append('.');
            ListCalls(message, matching, "Matching calls:");
        }
        else
        {
            message.Append("Expected a call ").Append(Describe()).Append(", but ")
                .Append(_all.Count == 0 ? "no call was made." : "no call matched.");
            ListCalls(message, _all, null);
        }
        throw new FakeHttpAssertionException(message.ToString());
    }

    private string Describe() => _filters.Count == 0 ? "to any URL" : string.Join(" ", _filters.Select(f => f.Description));

    private static string Count(int n) => n == 1 ? "1 call" : $"{n} calls";

    /// <summary>Lists <paramref name="calls"/>, closest first (fewest conditions missed, then in order), each with what it missed.</summary>
    private void ListCalls(StringBuilder message, IReadOnlyList<RecordedCall> calls, string? heading)
    {
        if (calls.Count == 0) return;
        var ranked = calls
            .Select(c => (Call: c, Missed: _filters.Select(f => (f.Description, Had: f.Mismatch(c))).Where(m => m.Had is not null).ToList()))
            .OrderBy(r => r.Missed.Count)
            .ThenBy(r => r.Call.Index)
            .ToList();
        message.AppendLine().Append(heading ?? "Calls made, closest first:");
        const int shown = 20;
        foreach (var (call, missed) in ranked.Take(shown))
        {
            message.AppendLine().Append("  ").Append(call.Index).Append(". ").Append(call.Method).Append(' ').Append(call.Url);
            if (call.Response is { } response) message.Append(" -> ").Append(response);
            foreach (var (description, had) in missed)
            {
                message.AppendLine().Append("       expected ").Append(description).Append(", but ").Append(had);
            }
        }
        if (ranked.Count > shown) message.AppendLine().Append("  … and ").Append(ranked.Count - shown).Append(" more");
    }
}

/// <summary>
/// A <see cref="FakeHttp"/> assertion failed (or a call matched no stub under <see cref="FakeHttp.ThrowOnUnmatchedCalls"/>).
/// Any test framework reports it as a failure; the message says what was expected and lists what was called.
/// </summary>
public sealed class FakeHttpAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public FakeHttpAssertionException(string message)
        : base(message)
    {
    }
}
