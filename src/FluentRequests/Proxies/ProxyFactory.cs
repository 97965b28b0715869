using System.Net;

namespace FluentRequests;

/// <summary>The <see cref="IWebProxy"/> a transport sends through, from a normalised proxy URL.</summary>
internal static class ProxyFactory
{
    /// <summary>
    /// A proxy at the URL's address with the URL's credentials. The handler gives them to an http(s) proxy when it
    /// challenges a CONNECT with 407 (Basic, Digest, NTLM or Negotiate) and to a SOCKS proxy in its handshake; a plain-http
    /// request also carries them preemptively in the Proxy-Authorization header (<see cref="ProxyAuthorization"/>).
    /// Loopback and local addresses go through the proxy too, as in Requests: only NO_PROXY exempts a host.
    /// </summary>
    public static WebProxy Create(string proxyUrl)
    {
        var uri = new Uri(proxyUrl);
        return new WebProxy(ProxyUrl.Address(uri)) { BypassProxyOnLocal = false, Credentials = ProxyUrl.Credentials(uri) };
    }
}
