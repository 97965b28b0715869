using System.Security.Cryptography.X509Certificates;

namespace FluentRequests;

/// <summary>Loads the PEM CA bundle of a <see cref="Verify"/> path: one file, or every file in a directory.</summary>
internal static class CaBundle
{
    public static X509Certificate2Collection Load(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path)) TryImport(roots, file);
            }
            else
            {
                roots.ImportFromPemFile(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new SslException($"Could not read the CA bundle '{path}': {e.Message}", innerException: e);
        }
        if (roots.Count == 0) throw new SslException($"The CA bundle '{path}' holds no PEM certificate.");
        return roots;
    }

    private static void TryImport(X509Certificate2Collection roots, string file)
    {
        try
        {
            roots.ImportFromPemFile(file);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A directory of CA files may hold other files (hash links, READMEs): skip what is not PEM.
            return;
        }
    }
}

/// <summary>Loads a <see cref="ClientCert"/> into a certificate with its private key.</summary>
internal static class ClientCertLoader
{
    public static X509Certificate2 Load(ClientCert cert)
    {
        if (cert.Certificate is { } c) return c;
        try
        {
            return X509Certificate2.CreateFromPemFile(cert.CertPath!, cert.KeyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new SslException($"Could not load the client certificate '{cert.CertPath}': {e.Message}", innerException: e);
        }
    }
}
