using CsCheck;
using Microsoft.AspNetCore.WebUtilities;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// URL preparation (<see cref="UrlPreparer"/>) and params encoding, for any input: only the InvalidUrlException family
/// (or ArgumentException for a bad argument type) escapes, a prepared URL is one .NET can send, and params come
/// back from ASP.NET Core's query parser as the pairs that were given.
/// </summary>
public class UrlProperties
{
    private static readonly Gen<string> Prefix = Gen.OneOf("http://", "https://", "HTTP://", "hTtPs://", "ftp://", "", "//", "http:", "http:/",
        "http://[", "http://[::1]", "http://user:pw@", "http://a:", "localhost:", "http://xn--");

    /// <summary>URL-shaped strings: a scheme-ish prefix, then anything weighted towards authority and path delimiters.</summary>
    private static readonly Gen<string> UrlLike = Gen.Select(Prefix, Gens.AnyString, Gen.OneOf("", "/", "?", "#", ":80", "@h", "]"), Gens.AnyString,
        (prefix, a, middle, b) => prefix + a + middle + b);

    private static readonly Session Session = new();

    [Test]
    public void AnyUrlPreparesToASendableUriOrThrowsAnInvalidUrlError()
    {
        UrlLike.Sample(url =>
        {
            PreparedRequest prepared;
            try
            {
                prepared = Session.Prepare(new Request("GET", url));
            }
            catch (InvalidUrlException)
            {
                return;
            }
            // The URL the request carries is what goes on the wire: .NET must take it as an absolute http(s) URI.
            Assert.That(prepared.Uri.Scheme, Is.EqualTo("http").Or.EqualTo("https"), prepared.Url);
            Assert.That(prepared.Uri.IsAbsoluteUri, prepared.Url);
        }, iter: Gens.Iter);
    }

    [Test]
    public void PreparingIsIdempotent()
    {
        UrlLike.Sample(url =>
        {
            string once;
            try
            {
                once = UrlPreparer.Prepare(url, null);
            }
            catch (InvalidUrlException)
            {
                return;
            }
            Assert.That(UrlPreparer.Prepare(once, null), Is.EqualTo(once), "prepare(prepare(url)) == prepare(url)");
        }, iter: Gens.Iter);
    }

    private static readonly Gen<List<KeyValuePair<string, object>>> StringPairs =
        Gen.Select(Gens.Text(1, 10), Gens.Text(0, 10), (k, v) => new KeyValuePair<string, object>(k, v)).List[0, 6];

    [Test]
    public void EncodedParamsParseBackWithAspNetCoresQueryParserToTheSamePairs()
    {
        Gen.Select(StringPairs, Gen.OneOf("http://h/p", "http://h/p?x=1", "https://h:8443/a%20b/?"), (pairs, baseUrl) => (pairs, baseUrl))
            .Sample((pairs, baseUrl) =>
            {
                string url = UrlPreparer.Prepare(baseUrl, UrlPreparer.EncodePairs(pairs));
                string query = new Uri(url).Query;
                var parsed = new List<KeyValuePair<string, string>>();
                foreach (var pair in new QueryStringEnumerable(query))
                {
                    parsed.Add(new(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
                }
                var expected = new List<KeyValuePair<string, string>>();
                if (baseUrl.Contains("x=1", StringComparison.Ordinal)) expected.Add(new("x", "1"));
                expected.AddRange(pairs.Select(p => new KeyValuePair<string, string>(p.Key, (string)p.Value)));
                Assert.That(parsed, Is.EqualTo(expected), url);
            }, iter: Gens.Iter);
    }

    [Test]
    public async Task ParamsReachTheServerAsTheSamePairs()
    {
        // Through the wire: what HttpClient sends of the prepared URL, as Kestrel's query parser (HttpUtility's rules) reads it.
        await using var server = await CapturingServer.StartAsync();
        using var session = new Session();
        StringPairs.Sample(pairs => AssertSamePairsOnTheServer(session, server, pairs), iter: Gens.FewIter, threads: 1);
    }

    [Test]
    public async Task KeysDifferingOnlyInCaseReachTheServerApart()
    {
        // A counterexample of the property above (seed 3cvs0yPsf5O1): the pairs arrived intact, but the test read them
        // back through HttpUtility's collection, which groups keys case-insensitively, as if "FE" and "Fe" were one key.
        await using var server = await CapturingServer.StartAsync();
        using var session = new Session();
        AssertSamePairsOnTheServer(session, server, [new("FE", "\u3d00"), new("%:w", "o"), new("Fe", "\u6127"), new("fe", "")]);
    }

    private static void AssertSamePairsOnTheServer(Session session, CapturingServer server, List<KeyValuePair<string, object>> pairs)
    {
        using var response = session.Get(server.Url("/q"), @params: pairs);
        Assert.That(response.StatusCode, Is.EqualTo(200));
        string pathAndQuery = server.Received[^1].PathAndQuery;
        if (!pathAndQuery.Contains('?', StringComparison.Ordinal)) pathAndQuery += "?";
        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(pathAndQuery[pathAndQuery.IndexOf('?')..]))
        {
            parsed.Add(new(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }
        var expected = pairs.Select(p => new KeyValuePair<string, string>(p.Key, (string)p.Value)).ToList();
        Assert.That(parsed, Is.EqualTo(expected), pathAndQuery);

        // HttpUtility's collection groups the values of keys it takes as equal (case-insensitively); the same pairs added
        // to a NameValueCollection of our own must group the same way.
        var query = System.Web.HttpUtility.ParseQueryString(pathAndQuery[(pathAndQuery.IndexOf('?') + 1)..]);
        var grouped = new System.Collections.Specialized.NameValueCollection();
        foreach (var (key, value) in expected) grouped.Add(key, value);
        Assert.That(query.AllKeys, Is.EquivalentTo(grouped.AllKeys), pathAndQuery);
        foreach (var key in grouped.AllKeys) Assert.That(query.GetValues(key), Is.EqualTo(grouped.GetValues(key)), pathAndQuery);
    }

    [Test]
    public void ByteParamsParseBackToTheSameBytes()
    {
        Gen.Select(Gens.Token, Gen.Byte.Array[0, 16], (k, v) => (k, v)).Sample((key, bytes) =>
        {
            string url = UrlPreparer.Prepare("http://h/", UrlPreparer.EncodePairs([new(key, bytes)]));
            string raw = new Uri(url).Query.TrimStart('?');
            string value = raw[(raw.IndexOf('=') + 1)..];
            Assert.That(System.Web.HttpUtility.UrlDecodeToBytes(value), Is.EqualTo(bytes), url);
        }, iter: Gens.Iter);
    }

    [Test]
    public void AnyParamsValueEncodesOrThrowsArgumentException()
    {
        var values = Gen.OneOf<object?>(Gen.Const<object?>(() => null), Gens.AnyString.Select(s => (object?)s), Gen.Int.Select(i => (object?)i),
            Gen.Byte.Array.Select(b => (object?)b), Gens.AnyString.Select(s => (object?)new[] { s, s }));
        Gen.Select(Gens.AnyString, values, (k, v) => (k, v)).Sample((key, value) =>
        {
            try
            {
                string? encoded = UrlPreparer.EncodeParams(new Dictionary<string, object?> { [key] = value });
                Assert.That(encoded, Is.Not.Null);
            }
            catch (ArgumentException)
            {
                // The one documented failure: a value that cannot be encoded (e.g. a lone surrogate).
            }
        }, iter: Gens.Iter);
    }

    [TestCase("http://[@h4+")]
    [TestCase("http://a:4&:/i\u00a8R+")]
    [TestCase("http://a::?x")]
    [TestCase("http://a:b:/")]
    public void AUrlDotNetCannotParseIsAnInvalidUrl(string url)
    {
        // Shrunk counterexamples of AnyUrlPreparesToASendableUriOrThrowsAnInvalidUrlError ("http://[@h4+": a
        // UriFormatException escaped when the request was built) and PreparingIsIdempotent ("http://a:4&:/...": prepared to
        // "http://a:4&/...", whose port '4&' then failed; "http://a::?x": prepared to "http://a:/?x", read again as host 'a').
        // Requests raises InvalidURL ("Failed to parse") for the last three; it prepares the first as "http://%5B@h4+/" and
        // fails only at DNS, but System.Uri refuses the host "h4+", so no request could be built for it here.
        var e = Assert.Throws<InvalidUrlException>(() => UrlPreparer.Prepare(url, null));
        Assert.That(e!.Message, Does.StartWith("Invalid URL"));
    }

    [Test]
    public void AnEmptyPortIsDropped()
    {
        // As Requests: "http://a:/x" prepares to "http://a/x".
        Assert.That(UrlPreparer.Prepare("http://a:/x", null), Is.EqualTo("http://a/x"));
    }
}
