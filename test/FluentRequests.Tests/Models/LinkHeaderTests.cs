namespace FluentRequests.Tests.Models;

/// <summary>
/// Requests' <c>parse_header_links</c> as a plain function, keyed as <c>Response.links</c> is (by rel, else by URL).
/// Each expected value is what Requests 2.28 returns for the same header.
/// ResponseMetadataTests.LinksAreParsedByRel proves the rule end to end.
/// </summary>
public class LinkHeaderTests
{
    private static readonly TestCaseData[] Headers =
    [
        new TestCaseData("<http:/.../front.jpeg>; rel=front; type=\"image/jpeg\"")
            .Returns("front: url=http:/.../front.jpeg, rel=front, type=image/jpeg")
            .SetName("Link: Requests' test_parse_header_links: rel and a quoted parameter"),
        new TestCaseData("<http:/.../front.jpeg>")
            .Returns("http:/.../front.jpeg: url=http:/.../front.jpeg")
            .SetName("Link: no parameters: keyed by the URL"),
        new TestCaseData("<http:/.../front.jpeg>;")
            .Returns("http:/.../front.jpeg: url=http:/.../front.jpeg")
            .SetName("Link: a trailing semicolon"),
        new TestCaseData("<http:/.../front.jpeg>; type=\"image/jpeg\",<http://.../back.jpeg>;")
            .Returns("http:/.../front.jpeg: url=http:/.../front.jpeg, type=image/jpeg | http://.../back.jpeg: url=http://.../back.jpeg")
            .SetName("Link: two links without a space after the comma"),
        new TestCaseData("")
            .Returns("")
            .SetName("Link: an empty header"),
        new TestCaseData("<https://a/?page=2>; rel=\"next\", <https://a/?page=5>; rel=\"last\"")
            .Returns("next: url=https://a/?page=2, rel=next | last: url=https://a/?page=5, rel=last")
            .SetName("Link: GitHub-style pagination"),
        new TestCaseData("<https://a/x>; rel='prev'; title=\"a=b\"")
            .Returns("prev: url=https://a/x, rel=prev")
            .SetName("Link: single quotes; a parameter with two '=' ends the parameters"),
        new TestCaseData("  \"<https://a/q>; rel=next\"  ")
            .Returns("next: url=https://a/q, rel=next")
            .SetName("Link: the whole value quoted and padded"),
        new TestCaseData("<https://a/1>; rel=next,<https://a/2>; rel=next")
            .Returns("next: url=https://a/2, rel=next")
            .SetName("Link: a repeated rel: the last wins"),
        new TestCaseData("<https://a/1>; rel = \"next\" ; foo=bar")
            .Returns("next: url=https://a/1, rel=next, foo=bar")
            .SetName("Link: spaces around '=' and ';'"),
        new TestCaseData("<https://a/1>; rel=next; broken; after=1")
            .Returns("next: url=https://a/1, rel=next")
            .SetName("Link: a parameter without '=' ends the parameters"),
    ];

    [TestCaseSource(nameof(Headers))]
    public string ParsesAsRequestsDoes(string header) => Render(LinkHeader.Parse(header));

    [Test]
    public void NoHeaderMeansNoLinks() => Assert.That(LinkHeader.Parse(null), Is.Empty);

    /// <summary>"key: param=value, …" per link, links joined by " | ", in the order Requests' dict keeps them.</summary>
    private static string Render(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> links)
        => string.Join(" | ", links.Select(link => link.Key + ": " + string.Join(", ", link.Value.Select(p => p.Key + "=" + p.Value))));
}
