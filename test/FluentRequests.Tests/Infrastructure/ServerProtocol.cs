namespace FluentRequests.Tests.Infrastructure;

/// <summary>What a <see cref="KestrelServer"/> speaks.</summary>
public enum ServerProtocol
{
    /// <summary>HTTP/1.1 in the clear.</summary>
    Http1,

    /// <summary>HTTP/1.1 and HTTP/2 over TLS, chosen by ALPN; the certificate is <see cref="TestCertificates.Server"/>.</summary>
    Http2Tls,

    /// <summary>HTTP/2 only, in the clear (h2c with prior knowledge).</summary>
    H2c,
}
