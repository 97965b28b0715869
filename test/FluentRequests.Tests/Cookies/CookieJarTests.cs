using System.Net;

namespace FluentRequests.Tests.Cookies;

/// <summary><see cref="CookieJar"/> is dictionary-like (Requests' RequestsCookieJar) and its cookies go on the wire where they apply.</summary>
public class CookieJarTests : WireMockTest
{
    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200));

    private string? CookieHeader()
        => LastRequest.Headers!.FirstOrDefault(h => string.Equals(h.Key, "Cookie", StringComparison.OrdinalIgnoreCase)).Value?.Single();

    [Test]
    public void IndexerGetsSetsAndReturnsNullForMissing()
    {
        var jar = new CookieJar();
        Assert.That(jar["missing"], Is.Null);

        jar["token"] = "abc";
        jar["token"] = "def";

        Assert.That(jar["token"], Is.EqualTo("def"));
        Assert.That(jar.Count, Is.EqualTo(1));
    }

    [Test]
    public void SettingNullRemoves()
    {
        var jar = new CookieJar();
        jar["a"] = "1";
        jar["a"] = null;

        Assert.That(jar["a"], Is.Null);
        Assert.That(jar.Count, Is.Zero);
    }

    [Test]
    public void SetWithDomainAndPathKeepsThem()
    {
        var jar = new CookieJar();
        jar.Set("a", "1", domain: "example.com", path: "/api");
        jar.Set("a", "2", domain: "other.org");

        var cookies = jar.ToList();
        Assert.That(cookies, Has.Count.EqualTo(2));
        var first = cookies.Single(c => c.Value == "1");
        Assert.That(first.Domain.TrimStart('.'), Is.EqualTo("example.com"));
        Assert.That(first.Path, Is.EqualTo("/api"));
        Assert.That(jar.Get("a", domain: "other.org"), Is.EqualTo("2"));
        Assert.That(jar.Get("a", domain: "example.com", path: "/api"), Is.EqualTo("1"));
        Assert.That(jar.Get("a", domain: "nowhere.net"), Is.Null);
    }

    [Test]
    public void EnumerateCountToDictionaryRemoveAndClear()
    {
        var jar = new CookieJar();
        jar["a"] = "1";
        jar["b"] = "2";
        jar.Set("c", "3", domain: "example.com");

        Assert.That(jar.Select(c => c.Name), Is.EquivalentTo(new[] { "a", "b", "c" }));
        Assert.That(jar.Count, Is.EqualTo(3));
        Assert.That(jar.ToDictionary(), Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jar.Remove("c"), Is.True);
            Assert.That(jar.Remove("c"), Is.False, "nothing is left to remove");
            Assert.That(jar.Remove("never-there"), Is.False);
            Assert.That(jar["c"], Is.Null);
            Assert.That(jar.Select(c => c.Name), Is.EquivalentTo(new[] { "a", "b" }));
            Assert.That(jar.Count, Is.EqualTo(2), "Count agrees with enumeration after Remove");
        }

        jar.Clear();
        Assert.That(jar.Count, Is.Zero);
        Assert.That(jar, Is.Empty);
        Assert.That(jar.ToDictionary(), Is.Empty);
    }

    [Test]
    public void InvalidCookieNameIsArgumentException()
    {
        var jar = new CookieJar();
        Assert.Throws<ArgumentException>(() => jar.Set("bad name;", "v"));
        Assert.That(jar.Count, Is.Zero);
    }

    [Test]
    public async Task JarPassedAsCookiesIsSent([Values] bool async)
    {
        var jar = new CookieJar();
        jar["a"] = "1";
        jar["b"] = "2";

        await Send.Either(async, () => Requests.Get(Url("/j"), cookies: jar), () => Requests.GetAsync(Url("/j"), cookies: jar));

        Assert.That(LastRequest.Cookies, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }));
    }

    [Test]
    public async Task CookieContainerPassedAsCookiesIsSent([Values] bool async)
    {
        var container = new CookieContainer();
        container.Add(new Cookie("fromContainer", "yes", "/", "127.0.0.1"));
        container.Add(new Cookie("elsewhere", "no", "/", "example.com"));

        await Send.Either(async, () => Requests.Get(Url("/c"), cookies: container), () => Requests.GetAsync(Url("/c"), cookies: container));

        Assert.That(LastRequest.Cookies, Is.EquivalentTo(new Dictionary<string, string> { ["fromContainer"] = "yes" }));
    }

    [Test]
    public async Task CookieWithDomainIsSentOnlyToThatHost([Values] bool async)
    {
        using var session = new Session();
        session.Cookies.Set("scoped", "1", domain: "127.0.0.1");
        session.Cookies["everywhere"] = "2";

        await Send.Either(async, () => session.Get(Url("/x")), () => session.GetAsync(Url("/x")));
        Assert.That(LastRequest.Cookies, Is.EquivalentTo(new Dictionary<string, string> { ["scoped"] = "1", ["everywhere"] = "2" }));

        await Send.Either(async, () => session.Get(LocalhostUrl + "/y"), () => session.GetAsync(LocalhostUrl + "/y"));
        Assert.That(LastRequest.Path, Is.EqualTo("/y"));
        Assert.That(CookieHeader(), Is.EqualTo("everywhere=2"));
    }

    [Test]
    public async Task CookieWithPathIsSentOnlyUnderThatPath([Values] bool async)
    {
        using var session = new Session();
        session.Cookies.Set("p", "1", path: "/api");

        await Send.Either(async, () => session.Get(Url("/api/items")), () => session.GetAsync(Url("/api/items")));
        Assert.That(CookieHeader(), Is.EqualTo("p=1"));

        await Send.Either(async, () => session.Get(Url("/apiary")), () => session.GetAsync(Url("/apiary")));
        Assert.That(CookieHeader(), Is.Null);
    }

    [Test]
    public void CopyIsIndependent()
    {
        var jar = new CookieJar();
        jar["a"] = "1";
        var copy = jar.Copy();
        copy["a"] = "2";
        copy["b"] = "3";

        Assert.That(jar.ToDictionary(), Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "1" }));
        Assert.That(copy.ToDictionary(), Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "2", ["b"] = "3" }));
    }
}
