using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace FluentRequests.Extensions.DependencyInjection;

/// <summary>
/// Reads one session's section by hand (no reflection binder), so that every problem names its full key and says what
/// is wrong with the value: <c>FluentRequests:Sessions:github:Timeout:Read: "-3" is not a positive number of seconds</c>.
/// The keys and their meaning are the table of docs/services.md.
/// </summary>
internal static class SessionSettingsReader
{
    private static readonly string[] TopLevelKeys =
    [
        "BaseUrl", "Headers", "Timeout", "Retry", "MaxRedirects", "Proxies", "Verify", "Cert", "HttpVersion", "HttpVersionPolicy",
        "TrustEnv", "MaxResponseBytes", "MaxDecompressionRatio", "MaxResponseHeadersBytes", "ShowQueryValuesInTelemetry",
        "PropagateTraceContext",
    ];

    private static readonly string[] TimeoutKeys = ["Connect", "Read", "Total"];
    private static readonly string[] RetryKeys = ["Total", "BackoffFactor", "BackoffMax", "StatusCodes", "Methods", "RespectRetryAfter"];

    public static void Read(IConfigurationSection section, SessionSettings settings)
    {
        var errors = settings.Errors;
        foreach (var child in section.GetChildren())
        {
            if (!TopLevelKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path}: is not a session setting (known keys: {string.Join(", ", TopLevelKeys)}).");
            }
        }

        if (section["BaseUrl"] is { } baseUrl)
        {
            if (IsHttpUrl(baseUrl)) settings.BaseUrl = baseUrl;
            else errors.Add($"{Key(section, "BaseUrl")}: \"{Redacted(baseUrl)}\" is not an absolute http or https URL.");
        }
        foreach (var header in section.GetSection("Headers").GetChildren())
        {
            if (header.Value is null) errors.Add($"{header.Path}: a header value must be a string.");
            else if (header.Value.AsSpan().ContainsAny('\r', '\n')) errors.Add($"{header.Path}: a header value must not contain a line break.");
            else settings.Headers[header.Key] = header.Value;
        }
        ReadTimeout(section.GetSection("Timeout"), settings);
        ReadRetry(section.GetSection("Retry"), settings);
        if (Int(section, "MaxRedirects", errors, min: 0, "is not a whole number of redirects (0 or more)") is { } redirects) settings.MaxRedirects = redirects;
        foreach (var proxy in section.GetSection("Proxies").GetChildren())
        {
            settings.TransportKeys.Add(proxy.Path);
            // A proxy URL may carry credentials: never echoed.
            if (proxy.Value is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https" or "socks5" or "socks5h" or "socks4" or "socks4a")
            {
                settings.Proxies[proxy.Key] = url;
            }
            else
            {
                errors.Add($"{proxy.Path}: is not an absolute proxy URL (http, https, socks5, socks5h, socks4 or socks4a).");
            }
        }
        ReadVerify(section, settings);
        ReadCert(section, settings);
        ReadHttpVersion(section, settings);
        if (Bool(section, "TrustEnv", errors) is { } trustEnv) settings.TrustEnv = trustEnv;
        if (section["MaxResponseBytes"] is not null)
        {
            settings.MaxResponseBytesSet = true;
            settings.MaxResponseBytes = NullableLimit<long>(section, "MaxResponseBytes", errors,
                (string s, NumberStyles n, IFormatProvider p, out long v) => long.TryParse(s, n, p, out v), v => v > 0, "a positive number of bytes");
        }
        if (section["MaxDecompressionRatio"] is not null)
        {
            settings.MaxDecompressionRatioSet = true;
            settings.MaxDecompressionRatio = NullableLimit<double>(section, "MaxDecompressionRatio", errors,
                (string s, NumberStyles n, IFormatProvider p, out double v) => double.TryParse(s, n, p, out v),
                v => v >= 1 && double.IsFinite(v), "a ratio of at least 1");
        }
        if (section["MaxResponseHeadersBytes"] is not null) settings.TransportKeys.Add(Key(section, "MaxResponseHeadersBytes"));
        if (Int(section, "MaxResponseHeadersBytes", errors, min: 1, "is not a positive number of bytes") is { } headerBytes)
        {
            settings.MaxResponseHeadersBytes = headerBytes;
        }
        if (Bool(section, "ShowQueryValuesInTelemetry", errors) is { } showQuery) settings.ShowQueryValuesInTelemetry = showQuery;
        if (Bool(section, "PropagateTraceContext", errors) is { } propagate) settings.PropagateTraceContext = propagate;
    }

    private static void ReadTimeout(IConfigurationSection timeout, SessionSettings settings)
    {
        if (!timeout.Exists()) return;
        if (Scalar(timeout) is not null)
        {
            settings.Errors.Add($"{timeout.Path}: \"{timeout.Value}\" must be a section with Connect, Read and Total (seconds each).");
            return;
        }
        Unknown(timeout, TimeoutKeys, settings.Errors);
        settings.TimeoutSet = true;
        if (Seconds(timeout, "Connect", settings.Errors, allowNone: true, out var connect)) settings.ConnectTimeout = connect;
        if (Seconds(timeout, "Read", settings.Errors, allowNone: true, out var read)) settings.ReadTimeout = read;
        if (Seconds(timeout, "Total", settings.Errors, allowNone: true, out var total)) settings.TotalTimeout = total;
    }

    private static void ReadRetry(IConfigurationSection retry, SessionSettings settings)
    {
        if (!retry.Exists()) return;
        var errors = settings.Errors;
        if (Scalar(retry) is not null)
        {
            errors.Add($"{retry.Path}: \"{retry.Value}\" must be a section (Total, BackoffFactor, BackoffMax, StatusCodes, Methods, RespectRetryAfter).");
            return;
        }
        Unknown(retry, RetryKeys, errors);
        var policy = new RetryPolicy();
        if (Int(retry, "Total", errors, min: 0, "is not a whole number of retries (0 or more)") is { } total) policy = policy with { MaxRetries = total };
        if (Seconds(retry, "BackoffFactor", errors, allowNone: false, out var factor, allowZero: true)) policy = policy with { BackoffBase = factor!.Value };
        if (Seconds(retry, "BackoffMax", errors, allowNone: false, out var max, allowZero: true)) policy = policy with { BackoffMax = max!.Value };
        if (policy.BackoffMax < policy.BackoffBase)
        {
            errors.Add($"{Key(retry, "BackoffMax")}: must not be less than BackoffFactor ({policy.BackoffBase.TotalSeconds} s).");
        }
        if (List(retry, "StatusCodes") is { } statuses)
        {
            var codes = new List<int>();
            foreach (var (path, value) in statuses)
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code is >= 100 and <= 599) codes.Add(code);
                else errors.Add($"{path}: \"{value}\" is not an HTTP status code (100 to 599).");
            }
            policy = policy with { StatusCodes = codes };
        }
        if (List(retry, "Methods") is { } methods)
        {
            var names = new List<string>();
            foreach (var (path, value) in methods)
            {
                if (value.Length > 0 && value.All(c => char.IsAsciiLetter(c) || c == '-')) names.Add(value.ToUpperInvariant());
                else errors.Add($"{path}: \"{value}\" is not an HTTP method name.");
            }
            policy = policy with { Methods = names };
        }
        if (Bool(retry, "RespectRetryAfter", errors) is { } respect) policy = policy with { RespectRetryAfter = respect };
        settings.Retry = policy;
    }

    private static void ReadVerify(IConfigurationSection section, SessionSettings settings)
    {
        if (section["Verify"] is not { } verify) return;
        string key = Key(section, "Verify");
        settings.TransportKeys.Add(key);
        if (bool.TryParse(verify, out bool enabled)) settings.Verify = enabled;
        else if (verify.Length > 0 && (File.Exists(verify) || Directory.Exists(verify))) settings.Verify = Verify.CaBundle(verify);
        else settings.Errors.Add($"{key}: \"{verify}\" is neither true, false nor an existing CA bundle file or directory.");
    }

    private static void ReadCert(IConfigurationSection section, SessionSettings settings)
    {
        var cert = section.GetSection("Cert");
        if (!cert.Exists()) return;
        settings.TransportKeys.Add(cert.Path);
        string? single = Scalar(cert);
        string? certPath = single ?? cert["Path"];
        string? keyPath = single is null ? cert["KeyPath"] : null;
        if (single is null) Unknown(cert, ["Path", "KeyPath"], settings.Errors);
        string certKey = single is null ? Key(cert, "Path") : cert.Path;
        if (string.IsNullOrEmpty(certPath)) settings.Errors.Add($"{certKey}: a client certificate needs the path of its PEM file.");
        else if (!File.Exists(certPath)) settings.Errors.Add($"{certKey}: \"{certPath}\" is not an existing file.");
        else if (keyPath is not null && !File.Exists(keyPath)) settings.Errors.Add($"{Key(cert, "KeyPath")}: \"{keyPath}\" is not an existing file.");
        else settings.Cert = keyPath is null ? ClientCert.FromPem(certPath) : ClientCert.FromPem(certPath, keyPath);
    }

    private static void ReadHttpVersion(IConfigurationSection section, SessionSettings settings)
    {
        if (section["HttpVersion"] is { } text)
        {
            Version? version = text switch
            {
                "1.0" => HttpVersion.Version10,
                "1.1" => HttpVersion.Version11,
                "2" or "2.0" => HttpVersion.Version20,
                "3" or "3.0" => HttpVersion.Version30,
                _ => null,
            };
            if (version is null) settings.Errors.Add($"{Key(section, "HttpVersion")}: \"{text}\" is not an HTTP version (1.0, 1.1, 2.0 or 3.0).");
            else settings.HttpVersion = version;
        }
        if (section["HttpVersionPolicy"] is { } policyText)
        {
            if (Enum.TryParse<HttpVersionPolicy>(policyText, ignoreCase: true, out var policy) && Enum.IsDefined(policy)) settings.HttpVersionPolicy = policy;
            else
            {
                settings.Errors.Add(
                    $"{Key(section, "HttpVersionPolicy")}: \"{policyText}\" is not RequestVersionOrLower, RequestVersionOrHigher or RequestVersionExact.");
            }
        }
    }

    /// <summary>A section's own value; some providers give a section with children an empty one.</summary>
    private static string? Scalar(IConfigurationSection section) => string.IsNullOrEmpty(section.Value) ? null : section.Value;

    private static string Key(IConfigurationSection section, string key) => section.Path + ConfigurationPath.KeyDelimiter + key;

    private static void Unknown(IConfigurationSection section, string[] known, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path}: is not a setting of {section.Key} (known keys: {string.Join(", ", known)}).");
            }
        }
    }

    private static bool? Bool(IConfigurationSection section, string key, List<string> errors)
    {
        if (section[key] is not { } text) return null;
        if (bool.TryParse(text, out bool value)) return value;
        errors.Add($"{Key(section, key)}: \"{text}\" is not true or false.");
        return null;
    }

    private static int? Int(IConfigurationSection section, string key, List<string> errors, int min, string problem)
    {
        if (section[key] is not { } text) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min) return value;
        errors.Add($"{Key(section, key)}: \"{text}\" {problem}.");
        return null;
    }

    /// <summary>A number of seconds; "none" for no limit where <paramref name="allowNone"/>. False when absent or invalid.</summary>
    private static bool Seconds(IConfigurationSection section, string key, List<string> errors, bool allowNone, out TimeSpan? value, bool allowZero = false)
    {
        value = null;
        if (section[key] is not { } text) return false;
        if (allowNone && text.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds)
            && (seconds > 0 || (allowZero && seconds == 0)) && seconds * 1000 <= int.MaxValue)
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }
        string what = allowZero ? "a number of seconds (0 or more)" : "a positive number of seconds";
        errors.Add($"{Key(section, key)}: \"{text}\" is not {what}{(allowNone ? " or \"none\"" : "")}.");
        return false;
    }

    private delegate bool Parser<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    private static T? NullableLimit<T>(IConfigurationSection section, string key, List<string> errors, Parser<T> parse, Func<T, bool> valid, string what)
        where T : struct
    {
        string text = section[key]!;
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        if (parse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out T value) && valid(value)) return value;
        errors.Add($"{Key(section, key)}: \"{text}\" is not {what} or \"none\".");
        return null;
    }

    /// <summary>A list given as an array (<c>Key:0</c>, <c>Key:1</c>) or as one comma-separated value.</summary>
    private static List<(string Path, string Value)>? List(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        if (!list.Exists()) return null;
        if (Scalar(list) is { } text)
        {
            return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (list.Path, v))];
        }
        return [.. list.GetChildren().Select(c => (c.Path, c.Value ?? ""))];
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string Redacted(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? UrlRedaction.Redact(uri) : url;
}
