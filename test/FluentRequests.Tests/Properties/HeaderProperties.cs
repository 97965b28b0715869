using CsCheck;

namespace FluentRequests.Tests.Properties;

/// <summary>
/// Header validation (<see cref="HeaderRules"/>): for any name and value only InvalidHeaderException escapes, and what it
/// accepts .NET's HttpRequestMessage accepts too and the server receives unchanged.
/// </summary>
public class HeaderProperties
{
    private static readonly Gen<string> Name = Gen.Frequency((3, (IGen<string>)Gens.Token), (2, Gens.AnyString));
    private static readonly Gen<string> Value = Gen.Frequency((3, (IGen<string>)Gens.Of(Gens.TokenChars + " \t\"(),/:;<=>?@[\\]{}", 0, 16)),
        (2, Gens.AnyString));

    private static bool Accepted(string name, string value)
    {
        try
        {
            HeaderRules.Validate(name, value);
            return true;
        }
        catch (InvalidHeaderException)
        {
            return false;
        }
    }

    [Test]
    public void AnyNameAndValueIsAcceptedOrThrowsInvalidHeaderException()
    {
        int accepted = 0;
        Gen.Select(Name, Value, (n, v) => (n, v)).Sample((name, value) =>
        {
            if (Accepted(name, value)) Interlocked.Increment(ref accepted);
        }, iter: Gens.Iter);
        Assert.That(accepted, Is.GreaterThan(0), "the generator reaches valid headers");
    }

    [Test]
    public void AcceptedHeadersAreAcceptedByHttpRequestMessage()
    {
        Gen.Select(Name, Value, (n, v) => (n, v)).Sample((name, value) =>
        {
            if (!Accepted("X-" + name, value)) return;
            using var message = new HttpRequestMessage(HttpMethod.Get, "http://h/");
            Assert.That(message.Headers.TryAddWithoutValidation("X-" + name, value), Is.True, $"'X-{name}: {value}'");
        }, iter: Gens.Iter);
    }

    [Test]
    public async Task AcceptedHeadersReachTheServerUnchanged()
    {
        await using var server = await CapturingServer.StartAsync();
        using var session = new Session();
        // A value's trailing whitespace is not part of it (RFC 9110 §5.5): servers strip it, so the comparison does too.
        Gen.Select(Gens.Token, Value, (n, v) => (n, v)).Sample((name, value) =>
        {
            if (!Accepted("X-" + name, value)) return;
            var headers = new Dictionary<string, string> { ["X-" + name] = value };
            Response response;
            lock (session) response = session.Get(server.Url("/h"), headers: headers);
            Assert.That(response.StatusCode, Is.EqualTo(200));
            var received = server.Received[^1];
            Assert.That(received.Header("X-" + name), Is.EqualTo(value.TrimEnd(' ', '\t')), $"'X-{name}: {value}'");
        }, iter: 200, threads: 1);
    }

    [TestCase("X-?\\")]
    [TestCase("X-(")]
    [TestCase("X-\u00e9")]
    [TestCase("X-a\u001a")]
    public void ANameThatIsNotATokenIsRejected(string name)
    {
        // Shrunk counterexample of AcceptedHeadersAreAcceptedByHttpRequestMessage: name "?\\". Requests (http.client) sends
        // any name without ':' or whitespace, but HttpRequestMessage refuses a non-token name and the header was dropped
        // without a word; it is an InvalidHeaderException now, stricter than Requests.
        using var message = new HttpRequestMessage();
        Assert.That(message.Headers.TryAddWithoutValidation(name, "1"), Is.False, ".NET cannot send it");
        var e = Assert.Throws<InvalidHeaderException>(() => new HeaderCollection { [name] = "1" });
        Assert.That(e!.Message, Does.Contain("header name").And.Contain("token"));
    }

    [TestCase("\u63e1")]
    [TestCase("caf\u00e9")]
    public void ANonAsciiValueIsRejectedBeforeSending(string value)
    {
        // Shrunk counterexample of AcceptedHeadersReachTheServerUnchanged: ("$", "\u63e1") failed at send time with a
        // ConnectionException ("Request headers must contain only ASCII characters"). Requests sends Latin-1 (b'X: \xe9')
        // and fails on anything beyond it (UnicodeEncodeError); HttpClient sends ASCII only, so a non-ASCII value is now an
        // InvalidHeaderException naming the header, before anything is sent.
        var e = Assert.Throws<InvalidHeaderException>(() => new HeaderCollection { ["X-Name"] = value });
        Assert.That(e!.Message, Does.Contain("'X-Name'").And.Contain("non-ASCII"));
    }

    [Test]
    public void AMultipartPartHeaderMayBeNonAscii()
    {
        // Part headers are written into the body as UTF-8, not by HttpClient: only the request headers must be ASCII.
        Assert.That(() => HeaderRules.Validate("X-Title", "caf\u00e9", asciiValue: false), Throws.Nothing);
    }
}
