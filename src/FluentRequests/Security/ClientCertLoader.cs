using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests;

/// <summary>
/// Loads a <see cref="ClientCert"/> into a certificate with its private key that <see cref="System.Net.Security.SslStream"/>
/// can use. PEM files are loaded once per (certificate, key) path pair for the life of the process.
/// </summary>
internal static class ClientCertLoader
{
    private static readonly ConcurrentDictionary<(string Cert, string? Key), X509Certificate2> Loaded = new();

    /// <exception cref="SslException">A file is missing or unreadable, or the certificate has no private key.</exception>
    public static X509Certificate2 Load(ClientCert cert, PreparedRequest? request = null)
    {
        if (cert.Certificate is { } given)
        {
            if (!given.HasPrivateKey)
            {
                throw new SslException($"The TLS client certificate '{given.Subject}' has no private key.", request) { NotSent = true };
            }
            return given;
        }
        var paths = (cert.CertPath!, cert.KeyPath);
        if (Loaded.TryGetValue(paths, out var loaded)) return loaded;
        return Loaded.GetOrAdd(paths, Read(paths.Item1, paths.KeyPath, request));
    }

    private static X509Certificate2 Read(string certPath, string? keyPath, PreparedRequest? request)
    {
        if (!File.Exists(certPath))
        {
            throw new SslException($"Could not find the TLS certificate file, invalid path: {certPath}", request) { NotSent = true };
        }
        if (keyPath is not null && !File.Exists(keyPath))
        {
            throw new SslException($"Could not find the TLS key file, invalid path: {keyPath}", request) { NotSent = true };
        }
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            // A key read from PEM is ephemeral; Windows' TLS stack cannot use one, so round-trip through
            // PKCS#12 to get a key every platform's SslStream accepts.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            string files = keyPath is null ? $"'{certPath}'" : $"'{certPath}' and '{keyPath}'";
            throw new SslException($"Could not load the TLS client certificate from {files}: {e.Message}", request, innerException: e) { NotSent = true };
        }
    }
}
