using System.Net;

namespace FluentRequests;

/// <summary>The HTTP version a request message asks for, and the rule for synchronous calls, which .NET sends only on HTTP/1.x.</summary>
internal static class HttpVersions
{
    public static Version Valid(Version? version, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(version, parameterName);
        return version == HttpVersion.Version10 || version == HttpVersion.Version11 || version == HttpVersion.Version20 || version == HttpVersion.Version30
            ? version
            : throw new ArgumentException($"The HTTP version must be 1.0, 1.1, 2.0 or 3.0; got {version}.", parameterName);
    }

    /// <summary>
    /// Sets the message's version and policy. A synchronous call under <see cref="HttpVersionPolicy.RequestVersionOrLower"/>
    /// asks for HTTP/1.1; under the other policies, asking for 2.0 or more, it fails before sending on our transport (which
    /// would refuse it), while a caller's handler decides for itself (its refusal is mapped the same way).
    /// </summary>
    public static void Apply(HttpRequestMessage message, PreparedRequest request, SendOptions options, bool async, bool ourTransport)
    {
        var version = options.HttpVersion;
        var policy = options.HttpVersionPolicy;
        if (!async && version.Major >= 2)
        {
            if (policy == HttpVersionPolicy.RequestVersionOrLower)
            {
                version = HttpVersion.Version11;
            }
            else if (ourTransport)
            {
                throw SyncSend.NotSupported(
                    request, $"HTTP/{version} is required (HttpVersionPolicy.{policy}) and .NET sends HTTP/2 and HTTP/3 only asynchronously");
            }
        }
        message.Version = version;
        message.VersionPolicy = policy;
    }
}
