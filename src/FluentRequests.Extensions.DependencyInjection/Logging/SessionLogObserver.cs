using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>
/// Logs a registered session's calls under <c>FluentRequests.Session.{name}</c>: start at Debug, end at Information,
/// failure at Warning. URLs come redacted from the core (no userinfo; query values only when the session shows them);
/// no header is ever logged; an exception is logged as its type and a redacted message, never as the object, whose
/// message, data or inner exceptions could carry what the log must not.
/// </summary>
internal sealed partial class SessionLogObserver(ILogger logger) : ICallObserver
{
    public const string CategoryPrefix = "FluentRequests.Session.";

    public void OnStart(string method, string url) => CallStarting(logger, method, url);

    public void OnEnd(string method, string url, int statusCode, TimeSpan elapsed, int redirects, int retries)
        => CallEnded(logger, method, url, statusCode, elapsed.TotalMilliseconds, redirects, retries);

    public void OnFailure(string method, string url, Exception exception, TimeSpan elapsed, int redirects, int retries)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            CallFailed(logger, method, url, elapsed.TotalMilliseconds, redirects, retries, exception.GetType().Name, RedactMessage(exception.Message));
        }
    }

    [LoggerMessage(EventId = 1, EventName = "CallStarting", Level = LogLevel.Debug, Message = "{Method} {Url} starting")]
    private static partial void CallStarting(ILogger logger, string method, string url);

    [LoggerMessage(EventId = 2, EventName = "CallEnded", Level = LogLevel.Information,
        Message = "{Method} {Url} returned {StatusCode} in {ElapsedMs:0.0} ms ({Redirects} redirects, {Retries} retries)")]
    private static partial void CallEnded(ILogger logger, string method, string url, int statusCode, double elapsedMs, int redirects, int retries);

    [LoggerMessage(EventId = 3, EventName = "CallFailed", Level = LogLevel.Warning,
        Message = "{Method} {Url} failed after {ElapsedMs:0.0} ms ({Redirects} redirects, {Retries} retries): {ExceptionType}: {ExceptionMessage}")]
    private static partial void CallFailed(
        ILogger logger, string method, string url, double elapsedMs, int redirects, int retries, string exceptionType, string exceptionMessage);

    /// <summary>
    /// An exception message as a log may show it: any URL in it loses its userinfo and its query values, and the value of
    /// a credential header quoted in it (<c>Authorization: Basic …</c>) becomes <c>*</c>.
    /// </summary>
    internal static string RedactMessage(string message)
    {
        message = UrlInText().Replace(message, match => Uri.TryCreate(match.Value, UriKind.Absolute, out var uri) ? UrlRedaction.Redact(uri) : "*");
        return CredentialHeader().Replace(message, "$1: *");
    }

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s""'<>]+")]
    private static partial Regex UrlInText();

    [GeneratedRegex(@"\b(Authorization|Proxy-Authorization|Cookie|Set-Cookie)\s*[:=]\s*[^\r\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialHeader();
}
