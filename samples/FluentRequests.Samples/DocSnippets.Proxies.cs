// The C# snippets of docs/tls-and-proxies.md, section Proxies, compiled with the sample (not run by it).
namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // tls-and-proxies.md: Setting proxies
    public static void ProxiesSetting()
    {
        using var session = new Session();
        session.Proxies["http"] = "http://proxy.internal:3128";
        session.Proxies["https"] = "http://proxy.internal:3128";
        // A per-host override names its scheme: "https://host" beats "https". An "all://legacy.example.com" key would
        // not: it is tried only after the scheme keys, so with "http" and "https" set it never applies.
        session.Proxies["https://legacy.example.com"] = "socks5h://127.0.0.1:1080";

        session.Get("https://api.example.com/");              // through proxy.internal (CONNECT)
        session.Get("https://legacy.example.com/");           // through the SOCKS proxy
        session.Get("http://legacy.example.com/");            // through proxy.internal: the override is for https only

        // This call only: a value that is empty or "no" means "no proxy" for that key (direct).
        session.Get("https://api.example.com/", proxies: new Dictionary<string, string> { ["https"] = "" });

        // The fluent builder.
        session.Url("http://example.com/")
            .WithProxies(new Dictionary<string, string> { ["all"] = "proxy.internal:3128" })   // no scheme: http://
            .Get();
    }

    // tls-and-proxies.md: The environment
    public static void ProxiesEnvironment()
    {
        // With https_proxy=http://corporate:3128 and NO_PROXY=localhost,.internal in the environment:
        using var session = new Session();
        session.Get("https://example.com/");             // through corporate:3128
        session.Get("https://wiki.internal/");           // direct: NO_PROXY
        session.Get("https://example.com/", proxies: new Dictionary<string, string> { ["all"] = "http://other:3128" });  // through other:3128

        using var isolated = new Session { TrustEnv = false };   // no environment proxies at all
        isolated.Get("https://example.com/");            // direct
    }

    // tls-and-proxies.md: Errors
    public static async Task ProxiesErrors()
    {
        try
        {
            await Requests.GetAsync("https://example.com/", proxies: new Dictionary<string, string> { ["https"] = "http://127.0.0.1:9" });
        }
        catch (ProxyException e)
        {
            Console.WriteLine(e.Message);   // Unable to connect to proxy http://127.0.0.1:9 for url: https://example.com/ (…)
        }
    }
}
