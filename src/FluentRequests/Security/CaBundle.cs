using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests;

/// <summary>
/// Loads the CA certificates of a <see cref="Verify"/> path: a PEM file (any number of certificates), or a
/// directory whose files are PEM (an OpenSSL hashed directory such as <c>/etc/ssl/certs</c>, or any folder
/// of <c>.pem</c>/<c>.crt</c> files). Loaded once per path for the life of the process.
/// </summary>
internal static class CaBundle
{
    private static readonly ConcurrentDictionary<string, X509Certificate2Collection> Loaded = new(StringComparer.Ordinal);

    /// <summary>The certificates at <paramref name="path"/>, from the cache after the first load.</summary>
    /// <exception cref="SslException">The path does not exist, cannot be read, or holds no certificate.</exception>
    public static X509Certificate2Collection Load(string path, PreparedRequest? request = null)
    {
        if (Loaded.TryGetValue(path, out var roots)) return roots;
        roots = Read(path, request);
        return Loaded.GetOrAdd(path, roots);
    }

    private static X509Certificate2Collection Read(string path, PreparedRequest? request)
    {
        bool isDirectory = Directory.Exists(path);
        if (!isDirectory && !File.Exists(path))
        {
            throw new SslException($"Could not find a suitable TLS CA certificate bundle, invalid path: {path}", request) { NotSent = true };
        }
        var roots = new X509Certificate2Collection();
        try
        {
            if (isDirectory)
            {
                foreach (var file in Directory.EnumerateFiles(path)) TryImport(roots, file);
            }
            else
            {
                roots.ImportFromPemFile(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new SslException($"Could not load the TLS CA certificate bundle '{path}': {e.Message}", request, innerException: e) { NotSent = true };
        }
        if (roots.Count == 0)
        {
            throw new SslException($"The TLS CA certificate bundle '{path}' holds no PEM certificate.", request) { NotSent = true };
        }
        return roots;
    }

    private static void TryImport(X509Certificate2Collection roots, string file)
    {
        try
        {
            roots.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            // A CA directory may hold other files (READMEs, DER files, unreadable entries): OpenSSL skips them too.
            return;
        }
    }
}
