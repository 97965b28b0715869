using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests;

/// <summary>Applies a transport's TLS settings (verification, CA bundle, client certificate) to its handler.</summary>
internal static class TlsConfiguration
{
    public static void Apply(SslClientAuthenticationOptions ssl, TransportKey key)
    {
        if (!key.Verify.Enabled)
        {
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else
        {
            if (key.Verify.CaBundlePath is { } bundle)
            {
                ssl.CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    // As OpenSSL behind Requests: no CRL or OCSP lookups.
                    RevocationMode = X509RevocationMode.NoCheck,
                };
                ssl.CertificateChainPolicy.CustomTrustStore.AddRange(CaBundle.Load(bundle));
            }
            ssl.RemoteCertificateValidationCallback = CertificateValidation.For(key.Verify);
        }
        if (key.Cert is { } cert)
        {
            ssl.ClientCertificates = [ClientCertLoader.Load(cert)];
        }
    }

    /// <summary>The transport's settings for diagnostics: never a credential (proxy user info is left out).</summary>
    public static string Describe(TransportKey key)
    {
        string text = "verify=" + key.Verify;
        if (key.Cert is { } cert) text += ", cert=" + (cert.CertPath ?? cert.Certificate?.Subject);
        if (key.Proxy is { } proxy)
        {
            text += ", proxy=" + (Uri.TryCreate(proxy, UriKind.Absolute, out var uri) ? uri.Scheme + "://" + uri.Authority : "(unparsed)");
        }
        return text;
    }
}
