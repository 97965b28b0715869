namespace FluentRequests;

/// <summary>
/// Authentication attached to a request (Requests' <c>AuthBase</c>). Subclass it to sign requests:
/// <see cref="Apply"/> runs once per request sent (every redirect hop and retry included), and
/// <see cref="HandleResponse"/> may answer a challenge (such as a 401) with a new request.
/// A <c>("user", "pass")</c> tuple converts to <see cref="Basic"/>.
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

    /// <summary>Signs a request about to be sent, typically by setting its <c>Authorization</c> header.</summary>
    /// <param name="request">The request; its headers may be changed.</param>
    public abstract void Apply(PreparedRequest request);

    /// <summary>
    /// Looks at a response to a request this auth signed and may return a new request to send instead
    /// (for example, Digest answering a 401 challenge). The default returns <c>null</c>: keep the response.
    /// </summary>
    /// <param name="response">The response received.</param>
    /// <returns>The request to send next, or <c>null</c>.</returns>
    public virtual PreparedRequest? HandleResponse(Response response) => null;

    /// <summary>Basic authentication from a <c>(user, password)</c> pair, as Requests' <c>auth=("user", "pass")</c>.</summary>
    public static implicit operator Auth((string User, string Password) credentials) => Basic(credentials.User, credentials.Password);
}
