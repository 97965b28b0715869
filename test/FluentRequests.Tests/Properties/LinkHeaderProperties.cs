using CsCheck;

namespace FluentRequests.Tests.Properties;

/// <summary>Link header parsing (<see cref="LinkHeader"/>, Requests' <c>parse_header_links</c>): never throws; generated links parse back.</summary>
public class LinkHeaderProperties
{
    [Test]
    public void AnyLinkHeaderParsesWithoutThrowing()
    {
        Gen.Frequency((1, (IGen<string>)Gens.AnyString), (1, Gens.Of("<>;=,\"' ab", 0, 30))).Sample(header =>
        {
            var links = LinkHeader.Parse(header);
            Assert.That(links.Values.All(l => l.ContainsKey("url")), Is.True, "every link has a url");
        }, iter: Gens.Iter);
    }

    private sealed record Link(string Url, string Rel, Dictionary<string, string> Params);

    /// <summary>URLs without the characters that delimit a link (&lt; &gt; ; , quotes and spaces), as servers send them.</summary>
    private static readonly Gen<string> Url = Gen.Select(Gen.OneOf("https://", "http://", "/"),
        Gens.Of("abcxyz0123456789-._~:/?#[]@!$&()*+=%", 0, 30), (scheme, rest) => scheme + rest);

    private static readonly Gen<string> ParamValue = Gens.Of("abcxyz0123456789-._~:/?#[]@!$&()*+%", 1, 12);

    private static readonly Gen<Link> Links = Gen.Select(Url, Gens.Token.Select(t => t.Trim('\'')).Where(t => t.Length > 0),
        Gen.Select(Gen.OneOf("type", "title", "anchor", "media", "hreflang"), ParamValue, (k, v) => (k, v)).Array[0, 3],
        (url, rel, ps) => new Link(url, rel, ps.GroupBy(p => p.k).ToDictionary(g => g.Key, g => g.First().v)));

    [Test]
    public void GeneratedLinksParseBackByRel()
    {
        Gen.Select(Links.Array[1, 4], Gen.Bool, Gen.OneOf(",", ", ", ",  "), (l, q, s) => (l, q, s)).Sample((links, quoted, separator) =>
        {
            var unique = links.GroupBy(l => l.Rel).Select(g => g.Last()).ToList();
            string Param(string k, string v) => quoted ? $"{k}=\"{v}\"" : $"{k}={v}";
            string header = string.Join(separator, links.Select(l =>
                $"<{l.Url}>; " + string.Join("; ", new[] { Param("rel", l.Rel) }.Concat(l.Params.Select(p => Param(p.Key, p.Value))))));
            var parsed = LinkHeader.Parse(header);
            Assert.That(parsed.Keys, Is.EquivalentTo(unique.Select(l => l.Rel)), header);
            foreach (var link in unique)
            {
                var expected = new Dictionary<string, string>(link.Params) { ["url"] = link.Url, ["rel"] = link.Rel };
                Assert.That(parsed[link.Rel], Is.EquivalentTo(expected), header);
            }
        }, iter: Gens.Iter);
    }
}
