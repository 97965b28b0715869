using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FluentRequests;

/// <summary>
/// Checks the server certificate and, when it is refused, says why: untrusted, expired (or not yet valid),
/// issued for another host, revoked. The reason travels out of the handshake in a
/// <see cref="CertificateRejectedSignal"/>, which <see cref="ExceptionMapper"/> turns into an <see cref="SslException"/>.
/// </summary>
internal static class CertificateValidation
{
    public static RemoteCertificateValidationCallback For(Verify verify)
    {
        string trusted = verify.CaBundlePath is { } path ? $"the CA bundle '{path}'" : "the system's trusted roots";
        return (sender, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            throw new CertificateRejectedSignal(Describe((sender as SslStream)?.TargetHostName, certificate, chain, errors, trusted));
        };
    }

    internal static string Describe(string? host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, string trusted)
    {
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || certificate is null)
        {
            return "the server sent no certificate";
        }
        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            reasons.AddRange(ChainReasons(certificate, chain, trusted));
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add($"hostname mismatch: the certificate ({certificate.Subject}) is not valid for '{host}'");
        }
        return reasons.Count == 0 ? $"the certificate was refused ({errors})" : string.Join("; ", reasons);
    }

    private static IEnumerable<string> ChainReasons(X509Certificate certificate, X509Chain? chain, string trusted)
    {
        var flags = X509ChainStatusFlags.NoError;
        var details = new StringBuilder();
        foreach (var status in chain?.ChainStatus ?? [])
        {
            flags |= status.Status;
            if (details.Length > 0) details.Append(' ');
            details.Append(status.StatusInformation.Trim());
        }
        bool named = false;
        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            named = true;
            yield return certificate is not X509Certificate2 leaf ? "the certificate has expired or is not yet valid"
                : DateTime.Now > leaf.NotAfter ? $"the certificate has expired (valid until {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC)"
                : $"the certificate is not yet valid (valid from {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC)";
        }
        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            named = true;
            yield return $"the certificate is not trusted: its issuer ({certificate.Issuer}) does not chain to {trusted}";
        }
        if (flags.HasFlag(X509ChainStatusFlags.Revoked))
        {
            named = true;
            yield return "the certificate has been revoked";
        }
        if (!named)
        {
            yield return $"the certificate chain is invalid ({(details.Length > 0 ? details.ToString() : flags.ToString())})";
        }
    }
}

/// <summary>Thrown by the validation callback to carry the refusal reason out of the TLS handshake.</summary>
internal sealed class CertificateRejectedSignal(string reason) : AuthenticationException(reason);
