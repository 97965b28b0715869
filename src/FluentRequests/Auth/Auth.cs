namespace FluentRequests;

/// <summary>
/// Authentication attached to a request (Requests' <c>AuthBase</c>). A <c>("user", "pass")</c> tuple converts to
/// <see cref="Basic"/>. Subclass it to sign requests your own way; three hooks, all called by the library:
/// <list type="bullet">
/// <item><see cref="Apply"/>: once, when the request is prepared (Requests' <c>__call__</c>). Set headers that never
/// change here; they show on <see cref="Session.Prepare"/>'s result.</item>
/// <item><see cref="BeforeSend"/> / <see cref="BeforeSendAsync"/>: before every request sent with this auth — the first,
/// each retry, each redirect hop that keeps the auth, and a challenge answer. Sign here what must be fresh
/// (a timestamp, a token that expires). The sync API calls <see cref="BeforeSend"/>, the async API
/// <see cref="BeforeSendAsync"/>.</item>
/// <item><see cref="HandleResponse"/>: after each response, may answer a challenge (such as a 401) with a new request.</item>
/// </list>
/// A redirect to another host, or from https to http, drops the auth: none of its hooks run for the new host,
/// which gets <c>.netrc</c> credentials instead when it has some. One instance may serve many requests at once
/// (a session's <see cref="Session.Auth"/>), so hooks must be thread-safe. An exception thrown by a hook reaches
/// the caller unchanged and nothing more is sent.
/// </summary>
public abstract class Auth
{
    /// <summary>HTTP Basic authentication (RFC 7617).</summary>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    public static BasicAuth Basic(string user, string password) => new(user, password);

    /// <summary>HTTP Digest authentication (RFC 7616): answers the server's 401 challenge.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    public static DigestAuth Digest(string user, string password) => new(user, password);

    /// <summary>A bearer token (RFC 6750): <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="token">The token.</param>
    public static BearerAuth Bearer(string token) => new(token);

    /// <summary>
    /// A bearer token asked of <paramref name="tokenProvider"/> before every request sent (each retry and redirect
    /// hop included), for tokens that expire: the provider returns the current token, refreshing it when needed.
    /// </summary>
    /// <param name="tokenProvider">Returns the token to send now; called once per request sent.</param>
    public static BearerTokenProviderAuth Bearer(Func<string> tokenProvider) => new(tokenProvider);

    /// <summary>
    /// A bearer token asked of an asynchronous <paramref name="tokenProvider"/> before every request sent (each retry
    /// and redirect hop included). The sync API can use it only when the returned task is already complete
    /// (a cached token); otherwise it throws <see cref="InvalidOperationException"/>: use the async API, or the
    /// <see cref="Bearer(Func{string})"/> overload.
    /// </summary>
    /// <param name="tokenProvider">Returns the token to send now; called once per request sent, with the call's cancellation token.</param>
    public static BearerTokenProviderAuth Bearer(Func<CancellationToken, ValueTask<string>> tokenProvider) => new(tokenProvider);

    /// <summary>Signs a request when it is prepared, typically by setting its <c>Authorization</c> header. Runs once per call.</summary>
    /// <param name="request">The request; its headers may be changed.</param>
    public abstract void Apply(PreparedRequest request);

    /// <summary>
    /// Called by the sync API just before each request is sent with this auth: the first, each retry, each redirect
    /// hop that keeps the auth, and a challenge answer from <see cref="HandleResponse"/>. Override it to sign each
    /// attempt afresh. The default does nothing.
    /// </summary>
    /// <param name="request">The request about to go on the wire; its headers may be changed, its body is rewound.</param>
    public virtual void BeforeSend(PreparedRequest request)
    {
    }

    /// <summary>
    /// The async API's <see cref="BeforeSend"/>, called at the same moments. The default calls <see cref="BeforeSend"/>;
    /// override both when signing needs I/O.
    /// </summary>
    /// <param name="request">The request about to go on the wire; its headers may be changed, its body is rewound.</param>
    /// <param name="cancellationToken">The call's cancellation token.</param>
    public virtual ValueTask BeforeSendAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        BeforeSend(request);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Looks at a response to a request this auth signed and may return a new request to send instead
    /// (for example, Digest answering a 401 challenge); the response returned becomes part of the final
    /// response's <see cref="Response.History"/>. The default returns <c>null</c>: keep the response.
    /// </summary>
    /// <param name="response">The response received.</param>
    /// <returns>The request to send next, or <c>null</c>.</returns>
    public virtual PreparedRequest? HandleResponse(Response response) => null;

    /// <summary>Basic authentication from a <c>(user, password)</c> pair, as Requests' <c>auth=("user", "pass")</c>.</summary>
    public static implicit operator Auth((string User, string Password) credentials) => Basic(credentials.User, credentials.Password);
}
