// The C# snippets of docs/tls-and-proxies.md (TLS section), compiled with the sample (not run by it).
using System.Diagnostics.Tracing;
using System.Security.Cryptography.X509Certificates;

namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // tls-and-proxies.md: Verifying the server
    public static void TlsVerify()
    {
        using var session = new Session { Verify = "/etc/ssl/certs/ca-certificates.crt" };  // a PEM bundle (or a directory)
        session.Get("https://internal.example/health");

        Requests.Get("https://self-signed.test/", verify: false);               // test servers only
        Requests.Get("https://internal.example/", verify: "/etc/pki/internal"); // a directory of PEM files

        // The builder has the same switch.
        session.Url("https://internal.example/").WithVerify("/etc/pki/internal-ca.pem").Get();
    }

    // tls-and-proxies.md: Client certificates
    public static void TlsClientCertificates()
    {
        using var session = new Session { Verify = "/etc/pki/internal-ca.pem" };

        session.Cert = "/etc/pki/client.pem";                              // certificate and private key in one PEM file
        session.Cert = ("/etc/pki/client.crt", "/etc/pki/client.key");     // a PEM certificate and its PEM key
        session.Cert = X509CertificateLoader.LoadPkcs12FromFile("/etc/pki/client.p12", password: "secret");  // any X509Certificate2 with its key

        session.Get("https://mtls.internal.example/");
    }

    // tls-and-proxies.md: CA bundles from the environment
    public static void TlsEnvironment()
    {
        // REQUESTS_CA_BUNDLE=/etc/pki/corp-bundle.pem is exported:
        using var fromEnvironment = new Session();                      // verifies with /etc/pki/corp-bundle.pem
        using var systemRoots = new Session { Verify = true };          // explicit: the system roots, whatever the environment says
        using var ignoring = new Session { TrustEnv = false };          // the system roots as well
    }

    // tls-and-proxies.md: The InsecureRequest warning
    sealed class InsecureRequestListener : EventListener
    {
        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "FluentRequests") EnableEvents(source, EventLevel.Warning);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName == "InsecureRequest")
                Console.Error.WriteLine($"warning: unverified HTTPS request to {e.Payload![0]} ({e.Payload[1]})");
        }
    }
}
