using System.Text;

namespace FluentRequests;

/// <summary>
/// HTTP Basic authentication. Credentials are encoded as Latin-1 when every character fits (as Requests
/// does), and as UTF-8 otherwise (RFC 7617), where Requests would fail.
/// </summary>
public sealed class BasicAuth : Auth
{
    /// <summary>Creates Basic authentication.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    public BasicAuth(string user, string password)
    {
        User = user ?? throw new ArgumentNullException(nameof(user));
        Password = password ?? throw new ArgumentNullException(nameof(password));
        HeaderValue = Encode(User, Password);
    }

    /// <summary>The user name.</summary>
    public string User { get; }

    /// <summary>The password.</summary>
    public string Password { get; }

    /// <summary>The full header value, <c>Basic &lt;base64&gt;</c>.</summary>
    public string HeaderValue { get; }

    /// <inheritdoc/>
    public override void Apply(PreparedRequest request) => request.Headers["Authorization"] = HeaderValue;

    internal static string Encode(string user, string password)
    {
        string pair = user + ":" + password;
        bool latin1 = pair.All(c => c <= '\u00FF');
        byte[] bytes = latin1 ? Encoding.Latin1.GetBytes(pair) : Encoding.UTF8.GetBytes(pair);
        return "Basic " + Convert.ToBase64String(bytes);
    }
}

/// <summary>A bearer token: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
public sealed class BearerAuth : Auth
{
    /// <summary>Creates bearer authentication.</summary>
    /// <param name="token">The token; it must not contain CR or LF.</param>
    public BearerAuth(string token)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
    }

    /// <summary>The token.</summary>
    public string Token { get; }

    /// <inheritdoc/>
    public override void Apply(PreparedRequest request) => request.Headers["Authorization"] = "Bearer " + Token;
}
