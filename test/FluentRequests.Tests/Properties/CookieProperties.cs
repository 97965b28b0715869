using System.Net;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// Cookies: for any name and value the jar takes it or throws ArgumentException; the Cookie header built from valid
/// cookies parses back with ASP.NET Core's parsers to the same pairs; Set-Cookie strings built from a generator are
/// stored with the same name, value and attributes, and no Set-Cookie at all can fail a response.
/// </summary>
public class CookieProperties
{
    /// <summary>RFC 6265 cookie-octets: what ASP.NET's strict <see cref="CookieHeaderValue"/> takes unquoted.</summary>
    private const string CookieOctets = "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    [Test]
    public void AnyCookieIsSetOrThrowsArgumentException()
    {
        Gen.Select(Gen.Frequency((2, (IGen<string>)Gens.Token), (1, Gens.AnyString)), Gens.AnyString,
                Gen.OneOf<string?>(null, "example.com", ".example.com", "a b", ""), Gen.OneOf("/", "/p", "", "/a;b", "p"), (n, v, d, p) => (n, v, d, p))
            .Sample((name, value, domain, path) =>
            {
                var jar = new CookieJar();
                try
                {
                    jar.Set(name, value, domain, path);
                }
                catch (ArgumentException)
                {
                    Assert.That(jar.Count, Is.Zero, "a rejected cookie is not kept");
                    return;
                }
                Assert.That(jar.Get(name), Is.EqualTo(value));
            }, iter: Gens.Iter);
    }

    /// <summary>A token not starting with '$', which System.Net.Cookie reserves (see <see cref="ANameStartingWithDollarIsRejected"/>).</summary>
    private static readonly Gen<string> Name = Gens.Token.Where(n => n[0] != '$');

    /// <summary>
    /// One to six cookies whose names differ in more than case: cookie names are case-sensitive (RFC 6265) and the jar
    /// keeps "cO" and "co" apart, but ASP.NET Core's cookie collection folds them into one ({[cO, "v|"], [co, "9b$"]}).
    /// </summary>
    private static Gen<Dictionary<string, string>> Cookies(string valueChars, int minLength = 0)
        => Gen.Select(Name, Gens.Of(valueChars, minLength, 16), (n, v) => (n, v)).Array[1, 6]
            .Select(pairs => pairs.GroupBy(p => p.n, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().v));

    private static string HeaderFor(Dictionary<string, string> cookies)
    {
        var jar = new CookieJar();
        foreach (var (name, value) in cookies) jar.Set(name, value);
        var headers = new HeaderCollection();
        CookieHeader.Set(headers, new Uri("http://example.com/p"), jar, null);
        return headers["Cookie"]!;
    }

    [Test]
    public void CookieHeaderParsesBackWithCookieHeaderValue()
    {
        Cookies(CookieOctets).Sample(cookies =>
        {
            string header = HeaderFor(cookies);
            Assert.That(CookieHeaderValue.TryParseStrictList([header], out var parsed), Is.True, header);
            Assert.That(parsed!.ToDictionary(c => c.Name.ToString(), c => c.Value.ToString()), Is.EqualTo(cookies), header);
        }, iter: Gens.Iter);
    }

    [Test]
    public void CookieHeaderParsesBackWithTheServersCookieParser()
    {
        // ASP.NET Core's Request.Cookies reads what a server application sees; it drops values beyond cookie-octets
        // (see AspNetCoreDropsACookieWhoseValueIsNotCookieOctets) and percent-decodes the values it keeps ({[*, "%15"]}).
        Cookies(CookieOctets, minLength: 1).Sample(cookies =>
        {
            string header = HeaderFor(cookies);
            var context = new DefaultHttpContext();
            context.Request.Headers.Cookie = header;
            var parsed = context.Request.Cookies.ToDictionary(c => c.Key, c => c.Value);
            var expected = cookies.ToDictionary(c => c.Key, c => Uri.UnescapeDataString(c.Value));
            Assert.That(parsed, Is.EqualTo(expected), header);
        }, iter: Gens.Iter);
    }

    private sealed record SetCookie(string Name, string Value, string? Path, int? MaxAge, bool Secure, bool HttpOnly, string? Domain)
    {
        public override string ToString()
            => $"{Name}={Value}" + (Domain is null ? "" : $"; Domain={Domain}") + (Path is null ? "" : $"; Path={Path}")
                + (MaxAge is null ? "" : $"; Max-Age={MaxAge}")
                + (Secure ? "; Secure" : "") + (HttpOnly ? "; HttpOnly" : "");
    }

    private static readonly Gen<SetCookie> SetCookies = Gen.Select(Name, Gens.Of(CookieOctets.Replace(",", ""), 0, 16),
        Gen.OneOf<string?>(null, "/", "/a", "/a/b"), Gen.OneOf<int?>(null, 60, 3600, 86400), Gen.Bool, Gen.Bool,
        Gen.OneOf<string?>(null, "example.com", ".example.com"), (n, v, p, m, s, h, d) => new SetCookie(n, v, p, m, s, h, d));

    [Test]
    public void SetCookieIsStoredWithItsNameValueAndAttributes()
    {
        SetCookies.Sample(setCookie =>
        {
            var jar = new CookieJar();
            jar.StoreResponseCookies(new Uri("https://example.com/a/b/c"), [setCookie.ToString()]);
            var stored = jar.Single();
            {
                Assert.That(stored.Name, Is.EqualTo(setCookie.Name), setCookie.ToString());
                Assert.That(stored.Value, Is.EqualTo(setCookie.Value), setCookie.ToString());
                Assert.That(stored.Path, Is.EqualTo(setCookie.Path ?? "/a/b"), setCookie.ToString());
                Assert.That(stored.Secure, Is.EqualTo(setCookie.Secure), setCookie.ToString());
                Assert.That(stored.HttpOnly, Is.EqualTo(setCookie.HttpOnly), setCookie.ToString());
                // A Domain attribute makes a domain cookie, sent to subdomains too (RFC 6265 §5.2.3, a leading dot ignored);
                // without one the cookie is host-only.
                var sent = new Dictionary<string, string>();
                jar.CollectFor(new Uri("https://sub.example.com/a/b/c"), sent);
                Assert.That(sent.ContainsKey(setCookie.Name), Is.EqualTo(setCookie.Domain is not null), setCookie.ToString());
                if (setCookie.MaxAge is { } maxAge)
                {
                    Assert.That(stored.Expires, Is.EqualTo(DateTime.Now.AddSeconds(maxAge)).Within(TimeSpan.FromMinutes(1)), setCookie.ToString());
                }
            }
        }, iter: Gens.Iter);
    }

    [Test]
    public void AnySetCookieIsStoredOrIgnoredAndNeverBreaksTheCookieHeader()
    {
        var anySetCookie = Gen.Frequency((2, (IGen<string>)SetCookies.Select(s => s.ToString())), (1, Gens.AnyString),
            (1, Gen.Select(SetCookies, Gens.AnyString, (s, junk) => s + junk)));
        anySetCookie.Array[1, 3].Sample(values =>
        {
            var jar = new CookieJar();
            jar.StoreResponseCookies(new Uri("https://example.com/a/b/c"), values);
            var headers = new HeaderCollection();
            CookieHeader.Set(headers, new Uri("https://example.com/a/b/c"), jar, null);
            string? header = headers["Cookie"];
            if (header is null) return;
            // Whatever a server set, the header we send holds only name=value pairs a strict parser reads back.
            foreach (var pair in header.Split("; "))
            {
                int eq = pair.IndexOf('=');
                Assert.That(eq > 0 && CookieSyntax.IsSendable(pair[..eq], pair[(eq + 1)..]), Is.True, header);
            }
        }, iter: Gens.Iter);
    }

    [Test]
    public void ANameStartingWithDollarIsRejected()
    {
        // Shrunk counterexample of CookieHeaderParsesBackWithCookieHeaderValue: {[$, P4]}. '$' is a token character, but
        // System.Net.Cookie reserves a leading '$' for RFC 2965 attributes ($Path, $Domain), so the jar, built on it,
        // refuses such a name with the documented ArgumentException rather than storing a cookie it cannot send.
        var jar = new CookieJar();
        var e = Assert.Throws<ArgumentException>(() => jar.Set("$", "P4"));
        Assert.That(e!.Message, Does.Contain("'$'"));
        Assert.That(jar.Count, Is.Zero);
    }

    [TestCase("a=D(%1\"Ix&T,<f; b=1", "b=1")]
    [TestCase("a=x,y; b=1", "b=1")]
    [TestCase("a=x\"y; b=1", "b=1")]
    [TestCase("a=\"x y\"; b=1", "b=1")]
    [TestCase("a=x y; b=1", "b=1")]
    [TestCase("a=x\\y; b=1", "b=1")]
    [TestCase("9=; b=1", "b=1")]
    public void AspNetCoreDropsACookieWhoseValueIsNotCookieOctets(string header, string expected)
    {
        // Shrunk counterexample of CookieHeaderParsesBackWithTheServersCookieParser: {[`, "D(%1\"Ix&T,<f"]}. The jar sends a
        // space, comma, '"' or '\' in a value as given, as Requests does (python3-requests 2.x: jar.set('a', 'x y') sends
        // 'Cookie: a=x y'), and Python servers read it back; ASP.NET Core's parser keeps only RFC 6265 cookie-octets and
        // drops such a cookie, leaving the others; it drops an empty value too ({[c, ""]}). Kept as Requests: the property
        // runs on cookie-octets for ASP.NET Core.
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = header;
        Assert.That(string.Join("|", context.Request.Cookies.Select(c => c.Key + "=" + c.Value)), Is.EqualTo(expected));
    }

    [Test]
    public void ACookieContainersCookieHeaderParsesLikeOurs()
    {
        Cookies(CookieOctets).Sample(cookies =>
        {
            var container = new CookieContainer();
            foreach (var (name, value) in cookies) container.Add(new System.Net.Cookie(name, value, "/", "example.com"));
            var fromContainer = CookieJar.From(container);
            var headers = new HeaderCollection();
            CookieHeader.Set(headers, new Uri("http://example.com/p"), fromContainer, null);
            Assert.That(ParsePairs(headers["Cookie"]!), Is.EquivalentTo(ParsePairs(container.GetCookieHeader(new Uri("http://example.com/p")))));
        }, iter: Gens.FewIter);
    }

    private static Dictionary<string, string> ParsePairs(string header)
        => header.Split("; ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
