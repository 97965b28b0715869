namespace FluentRequests.Tests.Diagnostics;

/// <summary>The one URL redaction of telemetry and logs: .NET's format, and never the userinfo.</summary>
public class UrlRedactionTests
{
    [TestCase("http://example.com/a/b", false, "http://example.com/a/b")]
    [TestCase("https://user:pass@example.com/a?x=1&y=2", false, "https://example.com/a?*")]
    [TestCase("https://user:pass@example.com/a?x=1&y=2", true, "https://example.com/a?x=1&y=2")]
    [TestCase("http://example.com:8080/a?", false, "http://example.com:8080/a?")]
    [TestCase("http://example.com:80/a#frag", false, "http://example.com/a")]
    [TestCase("http://[::1]:5000/?token=t", false, "http://[::1]:5000/?*")]
    [TestCase("https://user@example.com", false, "https://example.com/")]
    public void Redacts(string url, bool showQueryValues, string expected)
        => Assert.That(UrlRedaction.Redact(new Uri(url), showQueryValues), Is.EqualTo(expected));

    [Test]
    public void ARelativeUrlIsHiddenWhole() => Assert.That(UrlRedaction.Redact(new Uri("/a?b=c", UriKind.Relative)), Is.EqualTo("*"));
}
