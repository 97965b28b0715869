namespace FluentRequests.Tests.Authentication;

/// <summary>The .netrc parser against Python's netrc module (3.11) as Requests' get_netrc_auth reads it; expected values printed by Python.</summary>
public class NetrcFileTests
{
    [TestCase("machine example.com login u password p", "example.com", "u", "p", false)]
    [TestCase("machine example.com\n\tlogin u\n\tpassword p\n", "example.com", "u", "p", false)]
    [TestCase("machine example.com login u password p", "other.com", null, null, false)]
    [TestCase("machine a.com login a password pa\ndefault login d password pd", "b.com", "d", "pd", false)]
    [TestCase("default login d password pd\nmachine a.com login a password pa", "a.com", "a", "pa", false)]
    [TestCase("machine a.com login first password 1\nmachine a.com login second password 2", "a.com", "second", "2", false)]
    [TestCase("machine a.com account acct password p", "a.com", "acct", "p", false)]
    [TestCase("machine a.com user u password p", "a.com", "u", "p", false)]
    [TestCase("machine a.com password onlypass", "a.com", "", "onlypass", false)]
    [TestCase("machine a.com login onlylogin", "a.com", "onlylogin", "", false)]
    [TestCase("machine a.com", "a.com", null, null, false)]
    [TestCase("machine a.com login \"user name\" password \"pa\\\"ss word\"", "a.com", "user name", "pa\"ss word", false)]
    [TestCase("machine a.com login u password p\\ q", "a.com", "u", "p q", false)]
    [TestCase("# a comment\nmachine a.com login u password p # trailing comment\n", "a.com", "u", "p", false)]
    [TestCase("#nospace comment\nmachine a.com login u password p", "a.com", null, null, true)]
    [TestCase("macdef init\ncd /pub\nget x\n\nmachine a.com login u password p", "a.com", "u", "p", false)]
    [TestCase("macdef init\ncd /pub\n", "a.com", null, null, true)]
    [TestCase("machine a.com login u password p\nmacdef init\nls\n\n", "a.com", "u", "p", false)]
    [TestCase("machine a.com login u password p port 21", "a.com", null, null, true)]
    [TestCase("bogus a.com login u password p", "a.com", null, null, true)]
    [TestCase("machine", "a.com", null, null, true)]
    [TestCase("machine A.com login u password p", "a.com", null, null, false)]
    [TestCase("machine a.com login u password p\nmachine b.com login v password q", "b.com", "v", "q", false)]
    [TestCase("", "a.com", null, null, false)]
    [TestCase("machine 127.0.0.1 login ip password pp", "127.0.0.1", "ip", "pp", false)]
    [TestCase("machine a.com login u password p # comment\nmachine b.com login v password q", "b.com", "v", "q", false)]
    public void ParsesAsPython(string text, string host, string? user, string? password, bool malformed)
    {
        var file = NetrcFile.Parse(text);

        if (malformed)
        {
            Assert.That(file, Is.Null, "a syntax error makes the whole file unused");
            return;
        }
        Assert.That(file, Is.Not.Null);
        var auth = file!.AuthFor(host);
        Assert.That(auth?.User, Is.EqualTo(user));
        Assert.That(auth?.Password, Is.EqualTo(password));
    }

    [Test]
    public void BytesThatAreNotUtf8AreIgnored()
        => Assert.That(NetrcFile.Parse([.. "machine a.com login "u8, 0xFF, 0xFE, .. " password p"u8]), Is.Null);

    [Test]
    public void Utf8CredentialsAreRead()
    {
        var file = NetrcFile.Parse("machine a.com login usér password pässwörd"u8.ToArray());

        Assert.That(file!.AuthFor("a.com")!.HeaderValue, Is.EqualTo(Auth.Basic("usér", "pässwörd").HeaderValue));
    }
}
