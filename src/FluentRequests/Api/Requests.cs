// The seven methods of Requests' API (and Request), sync and async, each on a throwaway Session.
// Generated once from the same argument table as Session.Verbs.cs; keep them in step.
namespace FluentRequests;

/// <summary>
/// Python Requests' top-level API: each method sends one request on a throwaway <see cref="Session"/>, so no
/// cookies or auth leak between calls, while connections are still pooled and reused across calls.
/// </summary>
public static partial class Requests
{
    // The async methods dispose the throwaway session as soon as the send has started: a session checks that it
    // is open only before its first await, so this is safe, and it saves an async state machine per call.

    /// <inheritdoc cref="Session.Request"/>
    public static Response Request(string method, string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Request(method, url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.RequestAsync"/>
    public static Task<Response> RequestAsync(string method, string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.RequestAsync(method, url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.Head"/>
    public static Response Head(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Head(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.HeadAsync"/>
    public static Task<Response> HeadAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.HeadAsync(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.Get"/>
    public static Response Get(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Get(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.GetAsync"/>
    public static Task<Response> GetAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.GetAsync(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.Post"/>
    public static Response Post(string url, object? data = null, object? json = null, object? @params = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Post(url, data: data, json: json, @params: @params, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.PostAsync"/>
    public static Task<Response> PostAsync(string url, object? data = null, object? json = null, object? @params = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.PostAsync(url, data: data, json: json, @params: @params, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.Put"/>
    public static Response Put(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Put(url, data: data, @params: @params, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.PutAsync"/>
    public static Task<Response> PutAsync(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.PutAsync(url, data: data, @params: @params, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.Patch"/>
    public static Response Patch(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Patch(url, data: data, @params: @params, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.PatchAsync"/>
    public static Task<Response> PatchAsync(string url, object? data = null, object? @params = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.PatchAsync(url, data: data, @params: @params, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.Delete"/>
    public static Response Delete(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Delete(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.DeleteAsync"/>
    public static Task<Response> DeleteAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.DeleteAsync(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.Options"/>
    public static Response Options(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.Options(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }

    /// <inheritdoc cref="Session.OptionsAsync"/>
    public static Task<Response> OptionsAsync(string url, object? @params = null, object? data = null, object? json = null, object? headers = null, object? cookies = null, Files? files = null, Auth? auth = null, RequestTimeout? timeout = null, bool? allowRedirects = null, IDictionary<string, string>? proxies = null, Verify? verify = null, bool? stream = null, ClientCert? cert = null, CancellationToken cancellationToken = default)
    {
        using var session = new Session();
        return session.OptionsAsync(url, @params: @params, data: data, json: json, headers: headers, cookies: cookies, files: files, auth: auth, timeout: timeout, allowRedirects: allowRedirects, proxies: proxies, verify: verify, stream: stream, cert: cert, cancellationToken: cancellationToken);
    }
}
