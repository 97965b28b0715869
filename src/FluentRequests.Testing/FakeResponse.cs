using System.Text;
using System.Text.Json;

namespace FluentRequests.Testing;

/// <summary>
/// What the fake answers one call with: a status, headers and a body, optionally delayed, or a fault in place of a
/// response (a refused connection, a connection closed before any response, a body broken off mid-way, a server that
/// never answers). Immutable: every <c>With…</c> returns a new response, so one can be shared by many stubs.
/// </summary>
public sealed class FakeResponse
{
    private FakeResponse(int status, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        StatusCode = status;
        Body = body;
        Headers = headers;
    }

    /// <summary>The status code sent.</summary>
    public int StatusCode { get; private init; }

    /// <summary>The reason phrase sent, or <see langword="null"/> for the standard one of <see cref="StatusCode"/>.</summary>
    public string? Reason { get; private init; }

    /// <summary>The body bytes sent, exactly (a Content-Encoding header, when stubbed, says how they are encoded).</summary>
    public IReadOnlyList<byte> BodyBytes => Body;

    internal byte[] Body { get; private init; }

    /// <summary>The headers sent, in order; a name may repeat (e.g. Set-Cookie).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; private init; }

    /// <summary>How long the response headers take to arrive.</summary>
    public TimeSpan HeadersDelay { get; private init; }

    /// <summary>How long the body takes to start arriving once the headers have.</summary>
    public TimeSpan BodyDelay { get; private init; }

    /// <summary>The fault sent in place of (or part-way through) the response, if any.</summary>
    public FakeFault Fault { get; private init; }

    /// <summary>For <see cref="FakeFault.ResetMidBody"/> and <see cref="FakeFault.TruncatedBody"/>: the body bytes sent before the break.</summary>
    public int FaultAfterBytes { get; private init; }

    /// <summary>An empty response with <paramref name="status"/>.</summary>
    /// <param name="status">The status code.</param>
    public static FakeResponse Status(int status) => new(CheckStatus(status), [], []);

    /// <summary>A text body, sent as UTF-8.</summary>
    /// <param name="text">The body.</param>
    /// <param name="status">The status code.</param>
    /// <param name="contentType">The Content-Type header.</param>
    public static FakeResponse Text(string text, int status = 200, string contentType = "text/plain; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(CheckStatus(status), Encoding.UTF8.GetBytes(text), [new("Content-Type", contentType)]);
    }

    /// <summary>A JSON body: <paramref name="value"/> serialized with System.Text.Json (a <see cref="string"/> is sent as-is, already JSON).</summary>
    /// <param name="value">The value to serialize, or JSON text.</param>
    /// <param name="status">The status code.</param>
    /// <param name="options">The serializer options; <see cref="Session.DefaultJsonOptions"/> when <see langword="null"/>.</param>
    public static FakeResponse Json(object? value, int status = 200, JsonSerializerOptions? options = null)
    {
        byte[] body = value is string json
            ? Encoding.UTF8.GetBytes(json)
            : JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), options ?? Session.DefaultJsonOptions);
        return new(CheckStatus(status), body, [new("Content-Type", "application/json; charset=utf-8")]);
    }

    /// <summary>A binary body.</summary>
    /// <param name="body">The bytes.</param>
    /// <param name="status">The status code.</param>
    /// <param name="contentType">The Content-Type header.</param>
    public static FakeResponse Bytes(byte[] body, int status = 200, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(body);
        return new(CheckStatus(status), (byte[])body.Clone(), [new("Content-Type", contentType)]);
    }

    /// <summary>A redirect to <paramref name="location"/> (relative or absolute), which the session follows as it would a server's.</summary>
    /// <param name="location">The Location header.</param>
    /// <param name="status">A 3xx status: 301, 302, 303, 307 or 308.</param>
    public static FakeResponse Redirect(string location, int status = 302)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (status is < 300 or > 399) throw new ArgumentException($"A redirect needs a 3xx status; got {status}.", nameof(status));
        return new(status, [], [new("Location", location)]);
    }

    /// <summary>The connection is refused: the session raises <see cref="ConnectionException"/> (nothing was sent, so any retry policy may retry).</summary>
    public static FakeResponse ConnectionRefused() => new(0, [], []) { Fault = FakeFault.ConnectionRefused };

    /// <summary>
    /// The server reads the request and closes the connection without a response (Java WireMock's <c>EMPTY_RESPONSE</c>;
    /// WireMock.Net's sends an empty 200 instead): a <see cref="ConnectionException"/>.
    /// </summary>
    public static FakeResponse EmptyResponse() => new(0, [], []) { Fault = FakeFault.EmptyResponse };

    /// <summary>
    /// The server never sends the headers: the call waits until the session's read timeout (a
    /// <see cref="ReadTimeoutException"/>), its total timeout, or the caller's cancellation ends it.
    /// </summary>
    public static FakeResponse NoResponse() => new(0, [], []) { Fault = FakeFault.NoResponse, HeadersDelay = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Sends <paramref name="afterBytes"/> bytes of this body, then the connection is reset: reading the body raises a
    /// <see cref="ConnectionException"/>, as a TCP reset does.
    /// </summary>
    /// <param name="afterBytes">How many body bytes arrive before the reset.</param>
    public FakeResponse ResetMidBody(int afterBytes) => WithBreak(FakeFault.ResetMidBody, afterBytes);

    /// <summary>
    /// Sends <paramref name="afterBytes"/> bytes of this body, then the server closes the connection short of its
    /// Content-Length: reading the body raises a <see cref="ChunkedEncodingException"/> (Requests' <c>IncompleteRead</c>).
    /// </summary>
    /// <param name="afterBytes">How many body bytes arrive before the connection closes.</param>
    public FakeResponse TruncatedBody(int afterBytes) => WithBreak(FakeFault.TruncatedBody, afterBytes);

    /// <summary>This response with a header added (a name may repeat).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    public FakeResponse WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var headers = name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
            ? Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            : Headers;
        return With(headers: [.. headers, new(name, value)]);
    }

    /// <summary>This response with a <c>Set-Cookie</c> header: the session stores the cookie and sends it back where it applies.</summary>
    /// <param name="setCookie">The header value, e.g. <c>"sid=abc; Path=/; HttpOnly"</c>.</param>
    public FakeResponse WithSetCookie(string setCookie) => WithHeader("Set-Cookie", setCookie);

    /// <summary>This response with another reason phrase.</summary>
    /// <param name="reason">The reason phrase.</param>
    public FakeResponse WithReason(string reason) => With(reason: reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>
    /// This response with its headers arriving after <paramref name="delay"/>; a delay past the read timeout is a
    /// <see cref="ReadTimeoutException"/>.
    /// </summary>
    /// <param name="delay">The delay.</param>
    public FakeResponse WithHeadersDelay(TimeSpan delay) => With(headersDelay: CheckDelay(delay));

    /// <summary>
    /// This response with its body arriving <paramref name="delay"/> after its headers; past the read timeout it is a
    /// <see cref="ReadTimeoutException"/>.
    /// </summary>
    /// <param name="delay">The delay.</param>
    public FakeResponse WithBodyDelay(TimeSpan delay) => With(bodyDelay: CheckDelay(delay));

    /// <summary>A short description for assertion messages: <c>200</c>, <c>302 → /next</c>, <c>fault ConnectionRefused</c>.</summary>
    public override string ToString() => Fault switch
    {
        FakeFault.None => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FakeFault.ResetMidBody or FakeFault.TruncatedBody => $"{StatusCode} then {Fault} after {FaultAfterBytes} bytes",
        _ => $"fault {Fault}",
    };

    private FakeResponse WithBreak(FakeFault fault, int afterBytes)
    {
        if (Fault != FakeFault.None && Fault != fault) throw new InvalidOperationException($"This response already has the fault {Fault}.");
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        if (afterBytes >= Body.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(afterBytes), afterBytes, $"The break must come before the end of the {Body.Length}-byte body.");
        }
        return new FakeResponse(StatusCode, Body, Headers)
        {
            Reason = Reason, HeadersDelay = HeadersDelay, BodyDelay = BodyDelay, Fault = fault, FaultAfterBytes = afterBytes,
        };
    }

    private FakeResponse With(
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? reason = null, TimeSpan? headersDelay = null, TimeSpan? bodyDelay = null)
        => new(StatusCode, Body, headers ?? Headers)
        {
            Reason = reason ?? Reason,
            HeadersDelay = headersDelay ?? HeadersDelay,
            BodyDelay = bodyDelay ?? BodyDelay,
            Fault = Fault,
            FaultAfterBytes = FaultAfterBytes,
        };

    private static int CheckStatus(int status)
        => status is >= 100 and <= 999 ? status : throw new ArgumentOutOfRangeException(nameof(status), status, "A status code is 100 to 999.");

    private static TimeSpan CheckDelay(TimeSpan delay)
        => delay >= TimeSpan.Zero || delay == Timeout.InfiniteTimeSpan
            ? delay
            : throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay must not be negative.");
}

/// <summary>A failure the fake sends in place of, or part-way through, a response.</summary>
public enum FakeFault
{
    /// <summary>No fault: the response arrives whole.</summary>
    None,

    /// <summary>The connection is refused before anything is sent.</summary>
    ConnectionRefused,

    /// <summary>The connection closes after the request, before any response.</summary>
    EmptyResponse,

    /// <summary>The headers never arrive.</summary>
    NoResponse,

    /// <summary>The connection is reset part-way through the body.</summary>
    ResetMidBody,

    /// <summary>The connection closes part-way through the body, short of its Content-Length.</summary>
    TruncatedBody,
}
