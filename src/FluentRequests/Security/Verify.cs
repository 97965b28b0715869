namespace FluentRequests;

/// <summary>
/// TLS certificate verification, as Requests' <c>verify</c>: <c>true</c> (the default) checks the
/// server against the system's trusted roots, <c>false</c> accepts any certificate, and a path to a
/// PEM CA bundle file or a directory of PEM files trusts only those roots.
/// Converts implicitly from <see cref="bool"/> and <see cref="string"/>.
/// </summary>
/// <remarks>
/// A refused server certificate raises <see cref="SslException"/> saying why (not trusted, expired, hostname mismatch).
/// A bundle path is read when an https request first needs it, then kept for the process; a missing path fails that
/// request with <see cref="SslException"/> ("Could not find a suitable TLS CA certificate bundle, invalid path: …")
/// and never affects plain-http requests. <see cref="Disabled"/> writes the <c>InsecureRequest</c> event of the
/// <c>FluentRequests</c> EventSource once per transport and host.
/// </remarks>
public sealed record Verify
{
    private Verify(bool enabled, string? caBundlePath)
    {
        Enabled = enabled;
        CaBundlePath = caBundlePath;
    }

    /// <summary>Verify against the system's trusted roots (the default).</summary>
    public static Verify System { get; } = new(true, null);

    /// <summary>Accept any server certificate. Use only against test servers.</summary>
    public static Verify Disabled { get; } = new(false, null);

    /// <summary>Whether the server certificate is checked.</summary>
    public bool Enabled { get; }

    /// <summary>A PEM CA bundle file or directory whose certificates are the only trusted roots, or <c>null</c> for the system roots.</summary>
    public string? CaBundlePath { get; }

    /// <summary>
    /// Trust only the CA certificates in a PEM file (any number of them) or in the PEM files of a directory
    /// (an OpenSSL hashed directory or any folder of PEM files; other files are skipped).
    /// </summary>
    /// <param name="path">The file or directory.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static Verify CaBundle(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A CA bundle path must name a PEM file or a directory; got an empty string.", nameof(path));
        }
        return new Verify(true, path);
    }

    /// <summary><c>true</c> verifies against the system roots; <c>false</c> disables verification.</summary>
    public static implicit operator Verify(bool verify) => verify ? System : Disabled;

    /// <summary>A path to a PEM CA bundle file or directory.</summary>
    public static implicit operator Verify(string caBundlePath) => CaBundle(caBundlePath);

    /// <inheritdoc/>
    public override string ToString() => !Enabled ? "false" : CaBundlePath ?? "true";
}
