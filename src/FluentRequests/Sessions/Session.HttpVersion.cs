namespace FluentRequests;

// The HTTP version a session asks for. It travels on each request message, so it applies over a caller's handler too.
public sealed partial class Session
{
    /// <summary>
    /// The HTTP version requested: 1.0, 1.1, 2.0 or 3.0, how strictly as <see cref="HttpVersionPolicy"/> says. HTTP/2
    /// over TLS is agreed by ALPN; over plain http (h2c) it needs <see cref="System.Net.Http.HttpVersionPolicy.RequestVersionExact"/>
    /// (prior knowledge). HTTP/3 needs QUIC (<c>QuicConnection.IsSupported</c>). A call's <c>httpVersion</c> beats it.
    /// </summary>
    /// <remarks>
    /// .NET sends HTTP/2 and HTTP/3 only asynchronously. A synchronous call under
    /// <see cref="System.Net.Http.HttpVersionPolicy.RequestVersionOrLower"/> therefore uses HTTP/1.1; under the other policies,
    /// asking for 2.0 or more, it fails at once with <see cref="NotSupportedException"/> naming the …Async method. See docs/http2.md.
    /// </remarks>
    /// <value>The default value is 1.1.</value>
    /// <exception cref="ArgumentException">The version is not 1.0, 1.1, 2.0 or 3.0.</exception>
    public Version HttpVersion
    {
        get => _httpVersion;
        set => _httpVersion = HttpVersions.Valid(value, nameof(value));
    }

    private Version _httpVersion = System.Net.HttpVersion.Version11;

    /// <summary>
    /// How strictly <see cref="HttpVersion"/> is asked for: that version or lower (agreed with the server), exactly it, or
    /// it or higher.
    /// </summary>
    /// <value>The default value is <see cref="System.Net.Http.HttpVersionPolicy.RequestVersionOrLower"/>.</value>
    /// <exception cref="ArgumentException">The value is not a defined policy.</exception>
    public HttpVersionPolicy HttpVersionPolicy
    {
        get => _httpVersionPolicy;
        set => _httpVersionPolicy = Enum.IsDefined(value) ? value
            : throw new ArgumentException($"HttpVersionPolicy must be a defined HttpVersionPolicy; got {(int)value}.", nameof(value));
    }

    private HttpVersionPolicy _httpVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
}
