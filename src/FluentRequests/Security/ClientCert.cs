using System.Security.Cryptography.X509Certificates;

namespace FluentRequests;

/// <summary>
/// A TLS client certificate, as Requests' <c>cert</c>: a PEM file holding both certificate and key,
/// a <c>(certPath, keyPath)</c> pair, or an <see cref="X509Certificate2"/> (implicit conversions from each).
/// </summary>
/// <remarks>
/// Files are read when an https request first needs them, then kept for the process; keys must not be encrypted.
/// A missing file fails that request with <see cref="SslException"/> ("Could not find the TLS certificate file,
/// invalid path: …" or "… TLS key file …"); plain-http requests never read them.
/// </remarks>
public sealed record ClientCert
{
    private ClientCert(string? certPath, string? keyPath, X509Certificate2? certificate)
    {
        CertPath = certPath;
        KeyPath = keyPath;
        Certificate = certificate;
    }

    /// <summary>The PEM certificate path, when given as a path.</summary>
    public string? CertPath { get; }

    /// <summary>The PEM key path, when given separately.</summary>
    public string? KeyPath { get; }

    /// <summary>The certificate, when given as an object.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>A PEM file holding the certificate and its private key.</summary>
    /// <param name="pemPath">The file path.</param>
    public static ClientCert FromPem(string pemPath) => new(NotEmpty(pemPath, nameof(pemPath)), null, null);

    /// <summary>A PEM certificate file and its PEM private key file.</summary>
    /// <param name="certPath">The certificate path.</param>
    /// <param name="keyPath">The key path.</param>
    public static ClientCert FromPem(string certPath, string keyPath)
        => new(NotEmpty(certPath, nameof(certPath)), NotEmpty(keyPath, nameof(keyPath)), null);

    /// <summary>A certificate object with its private key.</summary>
    /// <param name="certificate">The certificate.</param>
    public static ClientCert FromCertificate(X509Certificate2 certificate)
        => new(null, null, certificate ?? throw new ArgumentNullException(nameof(certificate)));

    /// <summary>A PEM file holding the certificate and its private key.</summary>
    public static implicit operator ClientCert(string pemPath) => FromPem(pemPath);

    /// <summary>A <c>(certPath, keyPath)</c> pair.</summary>
    public static implicit operator ClientCert((string CertPath, string KeyPath) paths) => FromPem(paths.CertPath, paths.KeyPath);

    /// <summary>A certificate object with its private key.</summary>
    public static implicit operator ClientCert(X509Certificate2 certificate) => FromCertificate(certificate);

    private static string NotEmpty(string value, string name)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A client certificate path must not be empty.", name) : value;
}
