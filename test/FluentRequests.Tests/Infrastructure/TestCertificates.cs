using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests.Tests.Infrastructure;

/// <summary>
/// A throwaway CA made in memory, and certificates it issues: a server certificate for 127.0.0.1/localhost,
/// expired or wrong-host server certificates, client certificates. Also a second, unrelated CA.
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<Authority> Main = new(() => Authority.Create("FluentRequests Test CA"));
    private static readonly Lazy<Authority> Unrelated = new(() => Authority.Create("FluentRequests Other CA"));
    private static readonly Lazy<X509Certificate2> LocalServer = new(() => IssueServer(["localhost"], includeLoopback: true));

    public static X509Certificate2 Ca => Main.Value.Certificate;

    /// <summary>A CA that signed nothing the tests serve.</summary>
    public static X509Certificate2 OtherCa => Unrelated.Value.Certificate;

    public static X509Certificate2 Server => LocalServer.Value;

    /// <summary>Writes the CA certificate as PEM to a temporary file and returns its path.</summary>
    public static string WriteCaBundle() => WritePem(Ca.ExportCertificatePem());

    /// <summary>Writes <paramref name="pem"/> to a new temporary file and returns its path.</summary>
    public static string WritePem(string pem)
    {
        string path = Path.Combine(Path.GetTempPath(), $"fluentrequests-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, pem);
        return path;
    }

    /// <summary>A server certificate signed by <see cref="Ca"/>, with its private key, usable by Kestrel.</summary>
    public static X509Certificate2 IssueServer(string[] dnsNames, bool includeLoopback, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) san.AddDnsName(name);
        if (includeLoopback) san.AddIpAddress(System.Net.IPAddress.Loopback);
        var now = DateTimeOffset.UtcNow;
        return Main.Value.Issue($"CN={dnsNames[0]}", san, "1.3.6.1.5.5.7.3.1", notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(29));
    }

    /// <summary>A client certificate (clientAuth) signed by <see cref="Ca"/>, with its private key.</summary>
    public static X509Certificate2 IssueClient(string commonName)
    {
        var now = DateTimeOffset.UtcNow;
        return Main.Value.Issue($"CN={commonName}", null, "1.3.6.1.5.5.7.3.2", now.AddDays(-1), now.AddDays(29));
    }

    /// <summary>Whether <paramref name="certificate"/> chains to <see cref="Ca"/> (for a server checking client certificates).</summary>
    public static bool IssuedByCa(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        return chain.Build(certificate);
    }

    private sealed class Authority(RSA caKey, X509Certificate2 certificate)
    {
        public X509Certificate2 Certificate { get; } = certificate;

        public static Authority Create(string name)
        {
            var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            var now = DateTimeOffset.UtcNow;
            return new Authority(key, request.CreateSelfSigned(now.AddYears(-2), now.AddDays(30)));
        }

        public X509Certificate2 Issue(string subject, SubjectAlternativeNameBuilder? san, string usageOid, DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            using var subjectKey = RSA.Create(2048);
            var request = new CertificateRequest(subject, subjectKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (san is not null) request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
            byte[] serial = RandomNumberGenerator.GetBytes(8);
            using var signed = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1),
                notBefore, notAfter, serial);
            // Kestrel and SslStream need the private key attached and exportable as PKCS#12 on Linux.
            return X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(subjectKey).Export(X509ContentType.Pkcs12), null);
        }
    }
}
