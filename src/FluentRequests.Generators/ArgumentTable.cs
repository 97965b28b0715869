using System.Collections.Generic;
using System.Linq;

namespace FluentRequests.Generators;

/// <summary>
/// The one definition of the call surface. Every verb of <c>Requests</c> and <c>Session</c> takes the URL, its
/// positionals, then every other keyword in <see cref="Keywords"/>' order, then the cancellation token: the first
/// thirteen are Requests' common keyword arguments in the order of docs/coming-from-requests.md's "Keyword
/// arguments" table (<c>params</c> to <c>cert</c>), the last four are this library's additions.
/// </summary>
internal static class ArgumentTable
{
    // Anonymous objects are read by reflection, which trimmed and Native AOT apps switch off (docs/aot.md).
    private const string AnonymousObjectsUnderAot =
        " In trimmed and AOT apps wrap an anonymous object in <see cref=\"NameValues.Of{T}(T)\"/>.";

    public static readonly Keyword[] Keywords =
    {
        new("params", "Params", "object", false,
            "Query parameters: a mapping, pairs or anonymous object (sequence values repeat the key, <c>null</c> "
            + "values are dropped), or a raw query <c>string</c> or <c>byte[]</c>." + AnonymousObjectsUnderAot,
            modifier: new BuilderModifier("WithParams")),
        new("data", "Data", "object", false,
            "The body: a mapping, pairs or anonymous object (form-encoded), a <c>string</c> (UTF-8), <c>byte[]</c>, "
            + "<see cref=\"System.IO.Stream\"/> (Content-Length when known, else chunked), "
            + "<c>IEnumerable&lt;byte[]&gt;</c> or <c>IAsyncEnumerable&lt;byte[]&gt;</c> (chunked), or an "
            + "<see cref=\"HttpContent\"/>." + AnonymousObjectsUnderAot),
        new("json", "Json", "object", false,
            "A value sent as a JSON body (System.Text.Json, <see cref=\"Session.JsonOptions\"/> and its resolver); used only "
            + "when <paramref name=\"data\"/> is <c>null</c>. In trimmed and AOT apps the type needs a source-generated "
            + "contract: in the session's resolver, or passed along as <see cref=\"JsonBody\"/>."),
        new("headers", "Headers", "object", false,
            "Headers: a mapping, pairs or anonymous object (<c>_</c> in a member name becomes <c>-</c>); a <c>null</c> value removes a session header."
            + AnonymousObjectsUnderAot,
            modifier: new BuilderModifier("WithHeaders")),
        new("cookies", "Cookies", "object", false,
            "Cookies for this request only, and its redirect hops to the same host: a mapping, pairs, anonymous "
            + "object, <see cref=\"CookieJar\"/> or <see cref=\"System.Net.CookieContainer\"/>. A name must be a token "
            + "and a value printable ASCII without <c>;</c>, else <see cref=\"ArgumentException\"/>." + AnonymousObjectsUnderAot,
            modifier: new BuilderModifier("WithCookies")),
        new("files", "Files", "Files", false,
            "Multipart files; with <paramref name=\"data\"/> as extra form fields."),
        new("auth", "Auth", "Auth", false,
            "Authentication: <c>(\"user\", \"pass\")</c> for Basic, or <see cref=\"FluentRequests.Auth\"/>'s factories; beats the session's.",
            modifier: new BuilderModifier("WithAuth", "Sets the authentication (beats the session's).", "The authentication.", "Required(auth, nameof(auth))")),
        new("timeout", "Timeout", "RequestTimeout", false,
            "Per read, not for the whole call (Requests' meaning): seconds, a <see cref=\"TimeSpan\"/>, a "
            + "<c>(connect, read)</c> tuple or a <see cref=\"RequestTimeout\"/> bounding the connect and each wait on "
            + "the server (the headers, then every body read), so a body that keeps trickling in never times out; "
            + "<paramref name=\"totalTimeout\"/> bounds the whole call. <c>null</c> uses the session's (default 10 s "
            + "connect, 60 s per read).",
            onSend: true,
            modifier: new BuilderModifier("WithTimeout",
                "Sets the timeout, per read and not for the whole call (Requests' meaning): a body that keeps "
                + "trickling in never times out; <see cref=\"WithTotalTimeout\"/> bounds the whole call.",
                "Seconds, a <see cref=\"TimeSpan\"/>, a <c>(connect, read)</c> tuple or a <see cref=\"RequestTimeout\"/>.",
                "Required(timeout, nameof(timeout))")),
        new("allowRedirects", "AllowRedirects", "bool", true,
            "Whether to follow redirects; <c>null</c> follows them, except for a HEAD sent by <c>Head</c>/<c>HeadAsync</c>.",
            onSend: true,
            modifier: new BuilderModifier("WithAllowRedirects", "Sets whether redirects are followed.", "Whether to follow them.", "allowRedirects")),
        new("proxies", "Proxies", "IDictionary<string, string>", false,
            "Proxies by scheme, <c>all</c>, or <c>scheme://host</c>; merged over the session's.",
            onSend: true,
            modifier: new BuilderModifier("WithProxies", "Sets the proxies, merged over the session's.",
                "Proxies by scheme, <c>all</c>, or <c>scheme://host</c>.",
                "new Dictionary<string, string>(Required(proxies, nameof(proxies)), StringComparer.OrdinalIgnoreCase)")),
        new("verify", "Verify", "Verify", false,
            "TLS verification: <c>true</c>, <c>false</c> or a CA bundle path; <c>null</c> uses the session's.",
            onSend: true,
            modifier: new BuilderModifier("WithVerify", "Sets TLS verification.", "<c>true</c>, <c>false</c> or a CA bundle path.",
                "Required(verify, nameof(verify))")),
        new("stream", "Stream", "bool", true,
            "Whether to stream the body (then dispose the response); <c>null</c> uses the session's.",
            onSend: true,
            modifier: new BuilderModifier("WithStream", "Streams the body: the response must then be disposed.", "Whether to stream.", "stream",
                defaultValue: "true")),
        new("cert", "Cert", "ClientCert", false,
            "A TLS client certificate; <c>null</c> uses the session's.",
            onSend: true,
            modifier: new BuilderModifier("WithCert", "Sets the TLS client certificate.", "The certificate.", "Required(cert, nameof(cert))")),
        new("totalTimeout", "TotalTimeout", "TimeSpan", true,
            "A deadline for the whole call: connecting, every redirect hop, every retry and the waits between them, "
            + "and the body unless streaming; past it the call throws <see cref=\"RequestTimeoutException\"/>. "
            + "Replaces the total of <paramref name=\"timeout\"/>; <c>null</c> keeps it (the session's default has "
            + "none).",
            onSend: true,
            modifier: new BuilderModifier("WithTotalTimeout",
                "Sets a deadline for the whole call (connecting, every redirect hop, every retry and the waits "
                + "between them, and the body unless streaming), next to the per-read <see cref=\"WithTimeout\"/>.",
                "The deadline.", "ValidTotalTimeout(totalTimeout)",
                exceptionDoc: "<exception cref=\"ArgumentException\">The deadline is not positive.</exception>")),
        new("maxRedirects", "MaxRedirects", "int", true,
            "The most redirects this call follows before <see cref=\"TooManyRedirectsException\"/>; <c>null</c> uses "
            + "<see cref=\"Session.MaxRedirects\"/> (default 30).",
            onSend: true,
            modifier: new BuilderModifier("WithMaxRedirects",
                "Sets the most redirects followed before <see cref=\"TooManyRedirectsException\"/> (default the session's, 30).",
                "The limit; zero or more.", "ValidMaxRedirects(maxRedirects)",
                exceptionDoc: "<exception cref=\"ArgumentException\">The limit is negative.</exception>")),
        new("retry", "Retry", "RetryPolicy", false,
            "The retry policy for this call: <see cref=\"RetryPolicy.None\"/> switches the session's off; "
            + "<c>null</c> uses <see cref=\"Session.Retry\"/> (default: no retries).",
            onSend: true,
            modifier: new BuilderModifier("WithRetry",
                "Sets the retry policy (beats the session's); <see cref=\"RetryPolicy.None\"/> switches the session's off for this request.",
                "The policy.", "retry ?? throw new ArgumentNullException(nameof(retry), \"Use RetryPolicy.None to switch retries off.\")")),
        new("httpVersion", "HttpVersion", "Version", false,
            "The HTTP version for this call: 1.0, 1.1, 2.0 or 3.0, under <see cref=\"Session.HttpVersionPolicy\"/>; <c>null</c> "
            + "uses <see cref=\"Session.HttpVersion\"/> (default 1.1). A synchronous call sends HTTP/2 and HTTP/3 only as the "
            + "policy allows (docs/http2.md).",
            onSend: true,
            modifier: new BuilderModifier("WithHttpVersion",
                "Sets the HTTP version (1.0, 1.1, 2.0 or 3.0), asked for under the session's <see cref=\"Session.HttpVersionPolicy\"/>.",
                "The version.", "HttpVersions.Valid(httpVersion, nameof(httpVersion))",
                exceptionDoc: "<exception cref=\"ArgumentException\">The version is not 1.0, 1.1, 2.0 or 3.0.</exception>")),
    };

    public static readonly Verb[] Verbs =
    {
        new("Request", null, "a request with any method", new string[0], "Send", new[] { "data", "json" }),
        new("Head", "HEAD", "a HEAD request", new string[0], "Head", new string[0],
            note: "Redirects are not followed unless <paramref name=\"allowRedirects\"/> is <c>true</c>.",
            builderNote: "Redirects are not followed unless <see cref=\"WithAllowRedirects\"/> says so."),
        new("Get", "GET", "a GET request", new[] { "params" }, "Get", new string[0]),
        new("Post", "POST", "a POST request", new[] { "data", "json" }, "Post", new[] { "data" }),
        new("Put", "PUT", "a PUT request", new[] { "data", "json" }, "Put", new[] { "data" }),
        new("Patch", "PATCH", "a PATCH request", new[] { "data", "json" }, "Patch", new[] { "data" }),
        new("Delete", "DELETE", "a DELETE request", new string[0], "Delete", new string[0]),
        new("Options", "OPTIONS", "an OPTIONS request", new string[0], "Options", new string[0]),
    };

    public static Keyword Find(string name) => Keywords.First(k => k.Name == name);

    /// <summary>A verb's keywords in signature order: its positionals, then the rest in the table's order.</summary>
    public static IEnumerable<Keyword> InSignatureOrder(Verb verb)
        => verb.Positionals.Select(Find).Concat(Keywords.Where(k => !verb.Positionals.Contains(k.Name)));
}
