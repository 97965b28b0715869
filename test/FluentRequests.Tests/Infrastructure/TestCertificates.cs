using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>A throwaway CA and a server certificate for 127.0.0.1/localhost signed by it, made in memory.</summary>
public static class TestCertificates
{
    private static readonly Lazy<(X509Certificate2 Ca, X509Certificate2 Server)> Pair = new(Create);

    public static X509Certificate2 Ca => Pair.Value.Ca;

    public static X509Certificate2 Server => Pair.Value.Server;

    /// <summary>Writes the CA certificate as PEM to a temporary file and returns its path.</summary>
    public static string WriteCaBundle()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fluentrequests-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, Ca.ExportCertificatePem());
        return path;
    }

    private static (X509Certificate2, X509Certificate2) Create()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=FluentRequests Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, now.AddDays(-1), now.AddDays(29), [1, 2, 3, 4]);
        // Kestrel needs the private key attached and exportable as PKCS#12 on Linux.
        var server = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pkcs12), null);
        return (ca, server);
    }
}
