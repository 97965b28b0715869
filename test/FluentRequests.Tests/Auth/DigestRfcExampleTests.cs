using System.Text.RegularExpressions;

namespace FluentRequests.Tests.Authentication;

/// <summary>RFC 7616 §3.9.1: the example's challenge, client nonce and expected responses for MD5 and SHA-256.</summary>
public class DigestRfcExampleTests
{
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static string Challenge(string algorithm)
        => $"Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"{Nonce}\", opaque=\"{Opaque}\"";

    [TestCase("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [TestCase("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void ResponseMatchesTheRfc(string algorithm, string expected)
    {
        var challenge = DigestChallenge.Parse(Challenge(algorithm));

        Assert.That(challenge.Response("Mufasa", "Circle of Life", "GET", "/dir/index.html", "00000001", Cnonce), Is.EqualTo(expected));
    }

    [TestCase("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [TestCase("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void AuthorizationHeaderMatchesTheRfc(string algorithm, string expected)
    {
        var auth = new DigestAuth("Mufasa", "Circle of Life") { CnonceFactory = () => Cnonce };
        var request = new PreparedRequest("GET", "http://www.example.org/dir/index.html", new HeaderCollection(), null) { Auth = auth };
        var challenge = Response.Buffered(
            request, 401, null, new HeaderCollection { ["WWW-Authenticate"] = Challenge(algorithm) }, [], TimeSpan.Zero, []);

        var answer = auth.HandleResponse(challenge)!;
        auth.BeforeSend(answer);

        var fields = Regex.Matches(answer.Headers["Authorization"]!, "(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
        Assert.That(answer.Headers["Authorization"], Does.StartWith("Digest "));
        Assert.That(fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["username"] = "Mufasa",
            ["realm"] = "http-auth@example.org",
            ["uri"] = "/dir/index.html",
            ["algorithm"] = algorithm,
            ["nonce"] = Nonce,
            ["nc"] = "00000001",
            ["cnonce"] = Cnonce,
            ["qop"] = "auth",
            ["response"] = expected,
            ["opaque"] = Opaque,
        }));
    }

    [TestCase("SHA-512-256")]
    [TestCase("MD4")]
    public void UnknownAlgorithmIsARequestExceptionNamingIt(string algorithm)
    {
        var e = Assert.Throws<RequestException>(() => DigestChallenge.Parse(Challenge(algorithm)));

        Assert.That(e!.Message, Does.Contain($"'{algorithm}'"));
    }
}
