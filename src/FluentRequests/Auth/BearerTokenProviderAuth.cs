namespace FluentRequests;

/// <summary>
/// A bearer token (RFC 6750) asked of a provider before every request sent: the first, each retry, each redirect
/// hop that keeps the auth (same host), and a challenge answer. The provider returns the token valid now, refreshing
/// it when it has expired; it is never asked when the request is only prepared, so <see cref="Session.Prepare"/>'s
/// result has no <c>Authorization</c> header until it is sent. Create it with <see cref="Auth.Bearer(Func{string})"/>
/// or <see cref="Auth.Bearer(Func{CancellationToken, ValueTask{string}})"/>.
/// </summary>
public sealed class BearerTokenProviderAuth : Auth
{
    private readonly Func<string>? _syncProvider;
    private readonly Func<CancellationToken, ValueTask<string>>? _asyncProvider;

    /// <summary>Creates bearer authentication with a synchronous token provider (usable by the sync and async APIs).</summary>
    /// <param name="tokenProvider">Returns the token to send now.</param>
    public BearerTokenProviderAuth(Func<string> tokenProvider)
    {
        _syncProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
    }

    /// <summary>Creates bearer authentication with an asynchronous token provider.</summary>
    /// <param name="tokenProvider">Returns the token to send now; gets the call's cancellation token.</param>
    public BearerTokenProviderAuth(Func<CancellationToken, ValueTask<string>> tokenProvider)
    {
        _asyncProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
    }

    /// <summary>Does nothing: the token is asked for when the request is sent.</summary>
    /// <param name="request">The request.</param>
    public override void Apply(PreparedRequest request)
    {
    }

    /// <summary>Asks the provider for the token and sets <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="request">The request about to be sent.</param>
    /// <exception cref="InvalidOperationException">The provider is asynchronous and its task did not complete
    /// synchronously, or it returned no token.</exception>
    /// <exception cref="InvalidHeaderException">The token holds CR or LF.</exception>
    public override void BeforeSend(PreparedRequest request)
    {
        string token;
        if (_syncProvider is not null)
        {
            token = _syncProvider();
        }
        else
        {
            var task = _asyncProvider!(CancellationToken.None);
            if (!task.IsCompleted)
            {
                throw new InvalidOperationException(
                    "The bearer token provider is asynchronous and did not complete synchronously, so a synchronous call cannot wait for it. "
                    + "Use the async methods (GetAsync, PostAsync, ...), or give Auth.Bearer a synchronous Func<string>.");
            }
            token = task.GetAwaiter().GetResult(); // completed: reading the result, not waiting
        }
        SetToken(request, token);
    }

    /// <summary>Asks the provider for the token (awaiting an asynchronous one) and sets <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="cancellationToken">The call's cancellation token, passed to an asynchronous provider.</param>
    /// <exception cref="InvalidOperationException">The provider returned no token.</exception>
    /// <exception cref="InvalidHeaderException">The token holds CR or LF.</exception>
    public override async ValueTask BeforeSendAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        string token = _syncProvider is not null ? _syncProvider() : await _asyncProvider!(cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
    }

    private static void SetToken(PreparedRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException(
                $"The bearer token provider returned {(token is null ? "null" : "an empty string")} for {request.Method} {request.DisplayUrl}; "
                + "it must return a token.");
        }
        request.Headers["Authorization"] = "Bearer " + token;
    }
}
