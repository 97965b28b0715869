namespace FluentRequests.Testing;

/// <summary>
/// A fake HTTP transport for tests. While it lives, every call made in its asynchronous flow (the test and what it
/// awaits or starts) goes to it instead of the network: <c>Requests.*</c>, sessions the code under test creates, and
/// sessions built over a handler of their own. A session from <see cref="Session"/> goes to it from anywhere.
/// Everything above the transport runs as over the network (redirects, cookies, auth, retries, timeouts, hooks,
/// limits and the exception tree); proxy settings and the environment's proxies never apply to it.
/// </summary>
/// <remarks>
/// <para>
/// Answers come from stubs (<see cref="ForCallsTo"/>), the last-added stub that matches a call winning, then from the
/// queue (<see cref="RespondWith(FakeResponse)"/>), one response per call. A call nothing answers gets an empty
/// <c>200 OK</c>, as Flurl's <c>HttpTest</c> does, and is recorded with <see cref="RecordedCall.Matched"/> false; set
/// <see cref="ThrowOnUnmatchedCalls"/> to make it fail: a <see cref="ConnectionException"/> (as any transport's failure)
/// over a <see cref="FakeHttpAssertionException"/> naming the call.
/// </para>
/// <para>
/// Fakes are isolated per asynchronous flow, so tests running in parallel each see only their own calls. Create the
/// fake in the test itself (or in code its flow runs), not in a separate setup method whose flow may not reach it.
/// A fake inside another's flow takes over until it is disposed.
/// </para>
/// </remarks>
public sealed partial class FakeHttp : IDisposable
{
    private readonly List<StubSetup> _stubs = [];
    private readonly List<FakeResponse> _queued = [];
    private readonly List<RecordedCall> _calls = [];
    private readonly Lock _gate = new();
    private readonly FakeHandler _handler;
    private readonly IDisposable _scope;
    private int _queueNext;

    /// <summary>Creates a fake and makes it the transport of every call made in the current asynchronous flow until it is disposed.</summary>
    public FakeHttp()
    {
        _handler = new FakeHandler(this);
        _scope = AmbientHandler.Enter(_handler);
    }

    /// <summary>The fake as an <see cref="HttpMessageHandler"/>, for a session (or an <c>HttpClient</c>) built over it explicitly.</summary>
    public HttpMessageHandler Handler => _handler;

    /// <summary>
    /// Whether a call that no stub or queued response answers fails (a <see cref="ConnectionException"/> over a
    /// <see cref="FakeHttpAssertionException"/> naming the call) instead of getting an empty 200.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: an empty <c>200 OK</c>.</value>
    public bool ThrowOnUnmatchedCalls { get; set; }

    /// <summary>Every call received so far, in order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate) return [.. _calls];
        }
    }

    /// <summary>A new session whose transport is this fake, wherever it is used (another flow included).</summary>
    public Session Session() => new(_handler);

    /// <summary>
    /// A stub for calls to one of <paramref name="urlPatterns"/> (<c>*</c> matches any run of characters; the whole
    /// URL must match, its query too when the pattern has a <c>?</c>, else the query is ignored: see
    /// <see cref="StubSetup.WithQuery"/>). Narrow it with <c>With…</c> and give it responses with <c>RespondWith…</c>.
    /// </summary>
    /// <param name="urlPatterns">URL patterns, e.g. <c>https://api.example.com/users/*</c>; none means every URL.</param>
    public StubSetup ForCallsTo(params string[] urlPatterns)
    {
        var filters = urlPatterns.Length == 0 ? [] : new[] { AnyUrl(urlPatterns) };
        var stub = new StubSetup(filters);
        lock (_gate) _stubs.Add(stub);
        return stub;
    }

    /// <summary>Queues <paramref name="response"/>: calls no stub matches take queued responses in order, one each.</summary>
    /// <param name="response">The response.</param>
    public FakeHttp RespondWith(FakeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate) _queued.Add(response);
        return this;
    }

    /// <summary>Queues a text response.</summary>
    /// <param name="text">The body.</param>
    /// <param name="status">The status code.</param>
    public FakeHttp RespondWith(string text, int status = 200) => RespondWith(FakeResponse.Text(text, status));

    /// <summary>Queues an empty response with <paramref name="status"/>.</summary>
    /// <param name="status">The status code.</param>
    public FakeHttp RespondWith(int status) => RespondWith(FakeResponse.Status(status));

    /// <summary>Queues a JSON response.</summary>
    /// <param name="value">The value to serialize, or JSON text.</param>
    /// <param name="status">The status code.</param>
    public FakeHttp RespondWithJson(object? value, int status = 200) => RespondWith(FakeResponse.Json(value, status));

    /// <summary>Stops being the transport of the current flow; sessions from <see cref="Session"/> keep using it.</summary>
    public void Dispose() => _scope.Dispose();

    internal RecordedCall Record(string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        lock (_gate)
        {
            var call = new RecordedCall(_calls.Count + 1, method, url, headers, body);
            _calls.Add(call);
            return call;
        }
    }

    internal FakeResponse Answer(RecordedCall call)
    {
        StubSetup[] stubs;
        lock (_gate) stubs = [.. _stubs];
        for (int i = stubs.Length - 1; i >= 0; i--)
        {
            if (stubs[i].HasResponses && stubs[i].Matches(call) && stubs[i].Take(call) is { } stubbed)
            {
                call.Response = stubbed;
                return stubbed;
            }
        }
        lock (_gate)
        {
            if (_queueNext < _queued.Count)
            {
                call.Response = _queued[_queueNext++];
                return call.Response;
            }
        }
        if (ThrowOnUnmatchedCalls)
        {
            throw new FakeHttpAssertionException(
                $"FakeHttp: no stub answers {call}, and ThrowOnUnmatchedCalls is set.{Environment.NewLine}Stubs: "
                + (stubs.Length == 0 ? "none" : string.Join("; ", stubs.Select(s => s.Description))));
        }
        return UnmatchedResponse;
    }

    private static readonly FakeResponse UnmatchedResponse = FakeResponse.Status(200);

    internal static CallFilter AnyUrl(string[] patterns)
    {
        var filters = patterns.Select(CallFilter.Url).ToArray();
        if (filters.Length == 1) return filters[0];
        return new CallFilter(
            "to " + string.Join(" or ", patterns),
            c => filters.Any(f => f.Mismatch(c) is null) ? null : $"URL was {c.Url}");
    }
}
