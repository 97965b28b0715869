using System.Text.Json;

namespace FluentRequests.Testing;

/// <summary>
/// A stub: which calls it answers (all the conditions given) and what with. Its responses are used in order, one
/// per call; once it reaches its last, it keeps answering with it. Made by <see cref="FakeHttp.ForCallsTo"/>.
/// </summary>
public sealed class StubSetup
{
    private readonly List<CallFilter> _filters = [];
    private readonly List<Func<RecordedCall, FakeResponse>> _responses = [];
    private readonly Lock _gate = new();
    private int _next;

    internal StubSetup(IEnumerable<CallFilter> filters) => _filters.AddRange(filters);

    /// <summary>Only calls with one of these verbs.</summary>
    /// <param name="verbs">The verbs, any case.</param>
    public StubSetup WithVerb(params string[] verbs) => Add(CallFilter.Verb(verbs));

    /// <summary>Only calls with query parameter <paramref name="name"/>, equal to <paramref name="value"/> (<c>*</c> wildcards) when given.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value or pattern, or <see langword="null"/> for any value.</param>
    public StubSetup WithQuery(string name, object? value = null) => Add(CallFilter.Query(name, value));

    /// <summary>Only calls with header <paramref name="name"/>, matching <paramref name="valuePattern"/> (<c>*</c> wildcards) when given.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <param name="valuePattern">The value or pattern, or <see langword="null"/> for any value.</param>
    public StubSetup WithHeader(string name, string? valuePattern = null) => Add(CallFilter.Header(name, valuePattern));

    /// <summary>Only calls without header <paramref name="name"/>.</summary>
    /// <param name="name">The header name, any case.</param>
    public StubSetup WithoutHeader(string name) => Add(CallFilter.NoHeader(name));

    /// <summary>Only calls whose body text matches <paramref name="pattern"/> (<c>*</c> wildcards).</summary>
    /// <param name="pattern">The body or pattern.</param>
    public StubSetup WithBody(string pattern) => Add(CallFilter.Body(pattern));

    /// <summary>Only calls whose JSON body equals <paramref name="expected"/> (serialized; a string is taken as JSON text), property order aside.</summary>
    /// <param name="expected">The expected value.</param>
    /// <param name="options">Serializer options; <see cref="Session.DefaultJsonOptions"/> when <see langword="null"/>.</param>
    public StubSetup WithJsonBody(object? expected, JsonSerializerOptions? options = null) => Add(CallFilter.JsonBody(expected, options));

    /// <summary>Only calls for which <paramref name="predicate"/> is true.</summary>
    /// <param name="predicate">The condition.</param>
    public StubSetup With(Func<RecordedCall, bool> predicate) => Add(CallFilter.Predicate(predicate, "matching a condition"));

    /// <summary>Adds <paramref name="response"/> to this stub's responses.</summary>
    /// <param name="response">The response.</param>
    public StubSetup RespondWith(FakeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return RespondWith(_ => response);
    }

    /// <summary>Adds a response computed from each call it answers.</summary>
    /// <param name="respond">Makes the response from the call.</param>
    public StubSetup RespondWith(Func<RecordedCall, FakeResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        lock (_gate) _responses.Add(respond);
        return this;
    }

    /// <summary>Adds a text response.</summary>
    /// <param name="text">The body.</param>
    /// <param name="status">The status code.</param>
    public StubSetup RespondWith(string text, int status = 200) => RespondWith(FakeResponse.Text(text, status));

    /// <summary>Adds an empty response with <paramref name="status"/>.</summary>
    /// <param name="status">The status code.</param>
    public StubSetup RespondWith(int status) => RespondWith(FakeResponse.Status(status));

    /// <summary>Adds a JSON response.</summary>
    /// <param name="value">The value to serialize, or JSON text.</param>
    /// <param name="status">The status code.</param>
    public StubSetup RespondWithJson(object? value, int status = 200) => RespondWith(FakeResponse.Json(value, status));

    /// <summary>Adds each of <paramref name="responses"/>, in order.</summary>
    /// <param name="responses">The responses.</param>
    public StubSetup RespondWithSequence(params FakeResponse[] responses)
    {
        foreach (var response in responses) RespondWith(response);
        return this;
    }

    internal bool Matches(RecordedCall call) => _filters.TrueForAll(f => f.Mismatch(call) is null);

    internal bool HasResponses
    {
        get
        {
            lock (_gate) return _responses.Count > 0;
        }
    }

    internal string Description => _filters.Count == 0 ? "any call" : string.Join(" ", _filters.Select(f => f.Description));

    internal FakeResponse? Take(RecordedCall call)
    {
        Func<RecordedCall, FakeResponse> respond;
        lock (_gate)
        {
            if (_responses.Count == 0) return null;
            respond = _responses[Math.Min(_next, _responses.Count - 1)];
            _next++;
        }
        return respond(call) ?? throw new InvalidOperationException($"The stub for {Description} returned no response for {call}.");
    }

    private StubSetup Add(CallFilter filter)
    {
        lock (_gate) _filters.Add(filter);
        return this;
    }
}
