// The C# blocks of docs/authentication.md, compiled with the sample (not run by it). The HmacRequestSigner block is
// HmacRequestSigner.cs itself.
namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    /// <summary>Stands in for the reader's token cache in the bearer snippet.</summary>
    public interface ITokenSource
    {
        /// <summary>The current token, refreshed when expired.</summary>
        string Current();

        /// <summary>The current token, refreshed when expired, asynchronously.</summary>
        ValueTask<string> CurrentAsync(CancellationToken cancellationToken);
    }

    // authentication.md: top
    public static void AuthenticationForms()
    {
        Requests.Get("https://api.example.com/me", auth: ("user", "pass"));            // Basic, as auth=("user", "pass")
        Requests.Get("https://api.example.com/me", auth: Auth.Basic("user", "pass"));  // the same
        Requests.Get("https://api.example.com/me", auth: Auth.Digest("user", "pass")); // answers the 401 challenge
        Requests.Get("https://api.example.com/me", auth: Auth.Bearer("eyJhbGciOi…"));  // Authorization: Bearer …
        Requests.Get("https://user:p%40ss@api.example.com/me");                       // Basic user / p@ss (decoded)

        using var session = new Session { Auth = ("user", "pass") };                   // every request of the session
        session.Url("https://api.example.com/me").WithBearerToken("t0k3n").Get();      // a request's own auth wins
    }

    // authentication.md: Bearer tokens, fixed or from a provider
    public static async Task AuthenticationTokenProvider(ITokenSource tokens)
    {
        using var session = new Session
        {
            Auth = Auth.Bearer(() => tokens.Current()),                  // sync: used by the sync and async APIs
        };
        session.Get("https://api.example.com/orders");

        var auth = Auth.Bearer(async ct => await tokens.CurrentAsync(ct)); // async: gets the call's CancellationToken
        await Requests.GetAsync("https://api.example.com/orders", auth: auth);
    }

    // authentication.md: Writing your own Auth
    public static void AuthenticationHmac(byte[] secret)
    {
        using var session = new Session
        {
            Auth = new HmacRequestSigner("k1", secret),
            Retry = RetryPolicy.Times(3) with { Methods = new HashSet<string> { "POST" } },
        };
        session.Post("https://api.example.com/orders", json: new { item = "book", qty = 2 }); // each attempt signed anew
    }
}
