using CsCheck;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// Digest challenge parsing (<see cref="DigestChallenge"/>, <see cref="HeaderParameters"/>): any WWW-Authenticate value
/// parses or throws RequestException; a challenge built by a generator, quoted-string escapes included, parses back.
/// </summary>
public class DigestChallengeProperties
{
    [Test]
    public void AnyChallengeParsesOrThrowsRequestException()
    {
        var shaped = Gen.Select(Gens.AnyString, Gens.Of("=,\" \\realmnoncqpalgorithm", 0, 40), (a, b) => "Digest " + a + b);
        Gen.Frequency((1, (IGen<string>)Gens.AnyString), (2, shaped)).Sample(header =>
        {
            try
            {
                var challenge = DigestChallenge.Parse(header);
                Assert.That(challenge.Response("u", "p", "GET", "/", "00000001", "c"), Does.Match("^[0-9a-f]+$"));
            }
            catch (RequestException e)
            {
                Assert.That(e.Message, Does.StartWith("Unsupported Digest"));
            }
        }, iter: Gens.Iter);
    }

    /// <summary>RFC 9110 quoted-string: '"' and '\' escaped with '\'.</summary>
    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static readonly Gen<string> QuotedValue = Gens.Text(0, 16).Select(s => s.Replace("\r", "").Replace("\n", ""));

    [Test]
    public void GeneratedChallengesParseBackToTheirParameters()
    {
        var algorithms = Gen.OneOf<string?>(null, "MD5", "md5-sess", "SHA-256", "SHA-512-sess", "SHA");
        Gen.Select(QuotedValue, QuotedValue, Gen.OneOf<string?>(null, "abc", "x\"y"), algorithms,
                Gen.OneOf<string?>(null, "auth", "auth,auth-int", "auth-int, auth"), Gen.Bool, (r, n, o, a, q, s) => (r, n, o, a, q, s))
            .Sample(t =>
            {
                var (realm, nonce, opaque, algorithm, qop, spaced) = t;
                if (algorithm is not null && algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase) && qop is null) qop = "auth";
                var parameters = new List<string> { "realm=" + Quoted(realm), "nonce=" + Quoted(nonce) };
                if (opaque is not null) parameters.Add("opaque=" + Quoted(opaque));
                if (algorithm is not null) parameters.Add("algorithm=" + algorithm);
                if (qop is not null) parameters.Add("qop=" + Quoted(qop));
                string header = "Digest " + string.Join(spaced ? ", " : ",", parameters);
                var challenge = DigestChallenge.Parse(header);
                {
                    Assert.That(challenge.Realm, Is.EqualTo(realm), header);
                    Assert.That(challenge.Nonce, Is.EqualTo(nonce), header);
                    Assert.That(challenge.Opaque, Is.EqualTo(opaque), header);
                    Assert.That(challenge.Algorithm, Is.EqualTo(algorithm), header);
                    Assert.That(challenge.QopAuth, Is.EqualTo(qop is not null), header);
                }
            }, iter: Gens.Iter);
    }

    [Test]
    public void HeaderParametersParseBackNamesAndQuotedValues()
    {
        Gen.Select(Gens.Token, QuotedValue, (n, v) => (n, v)).Array[0, 5].Sample(pairs =>
        {
            string text = string.Join(", ", pairs.Select(p => p.n + "=" + Quoted(p.v)));
            Assert.That(HeaderParameters.Parse(text), Is.EqualTo(pairs.Select(p => (p.n, p.v)).ToList()), text);
        }, iter: Gens.Iter);
    }

    [TestCase("")]
    [TestCase("Bas")]
    public void AChallengeWithoutTheWordDigestParsesAsEmpty(string header)
    {
        // Shrunk counterexample of AnyChallengeParsesOrThrowsRequestException: "" threw ArgumentOutOfRangeException (the
        // parameters were read from index -1 + 6). DigestAuth only calls it for a header naming Digest, but a parser must
        // not crash on any input.
        var challenge = DigestChallenge.Parse(header);
        Assert.That((challenge.Realm, challenge.Nonce, challenge.Opaque), Is.EqualTo(("", "", (string?)null)));
    }
}
