using FluentRequests;

namespace FluentRequests.Samples;

// The C# blocks of docs/redirects.md, docs/timeouts.md and docs/retries.md, compiled so they stay true.
public static partial class DocSnippets
{
    // docs/redirects.md
    public static void RedirectsOverview(string url)
    {
        var r = Requests.Get("http://example.test/old");   // follows 301/302/303/307/308
        Console.WriteLine(r.Url);                          // the final URL
        foreach (var hop in r.History) Console.WriteLine($"{hop.StatusCode} {hop.Url}");

        var head = Requests.Head(url);                     // HEAD does not follow unless allowRedirects: true
        var raw = Requests.Get(url, allowRedirects: false);
        if (raw.IsRedirect) Console.WriteLine(raw.Next!.Url); // the request that would be sent next

        using var session = new Session { MaxRedirects = 5 };
        session.Url(url).WithMaxRedirects(2).Get();        // per request, through the builder
        _ = head;
    }

    // docs/redirects.md, https -> http
    public static void RefuseDowngrades()
    {
        using var session = new Session { AllowHttpsToHttpRedirects = false };
        // a redirect from https to http now raises RequestException naming both URLs; Response holds the 3xx
    }

    // docs/timeouts.md
    public static void TimeoutForms(string url)
    {
        Requests.Get(url, timeout: 5);                 // 5 s to connect, 5 s per read
        Requests.Get(url, timeout: (3.05, 27));        // (connect, read), as Requests' timeout=(3.05, 27)
        Requests.Get(url, timeout: TimeSpan.FromSeconds(2));
        Requests.Get(url, timeout: RequestTimeout.Infinite);  // no limit at all: only your token ends it

        // A deadline for the whole call: every redirect hop, every retry and the waits between them.
        Requests.Get(url, timeout: 5, totalTimeout: TimeSpan.FromSeconds(20));  // or .WithTotalTimeout(...) on a builder
        var t = RequestTimeout.FromSeconds(5).WithTotal(TimeSpan.FromSeconds(20));
        using var session = new Session { Timeout = t };
        session.Url(url).WithTimeout(RequestTimeout.TotalOnly(TimeSpan.FromSeconds(3))).Get();
    }

    // docs/retries.md
    public static void RetryForms(string url)
    {
        using var session = new Session { Retry = new RetryPolicy() };          // the defaults below
        session.Retry = RetryPolicy.Times(5);                                     // 5 retries, other defaults
        session.Retry = new RetryPolicy { MaxRetries = 4, BackoffBase = TimeSpan.FromMilliseconds(200), StatusCodes = [502, 503] };
        Console.WriteLine(session.Retry);  // RetryPolicy(4 retries, backoff 0.2s..30s with jitter, statuses 502,503, …)

        // Per request, as an argument or through the builder; RetryPolicy.None switches the session's off:
        session.Post(url, "x", retry: new RetryPolicy { Methods = [.. RetryPolicy.IdempotentMethods, "POST"] });
        session.Url(url).WithRetry(RetryPolicy.None).Get();
    }
}
