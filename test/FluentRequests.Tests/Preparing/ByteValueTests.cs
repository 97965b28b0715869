using System.Text;

namespace FluentRequests.Tests.Preparing;

/// <summary>
/// A <c>byte[]</c> value in form <c>data</c> or <c>params</c> is one value sent byte for byte, as Python's
/// <c>urlencode</c> sends a <c>bytes</c> value (Requests: <c>data={"d": b"\x01\xff"}</c> → <c>d=%01%FF</c>), not one
/// value per byte.
/// </summary>
public class ByteValueTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    // Expected values printed by Requests 2.34: requests.Request("POST", url, data=...).prepare().body
    private static readonly Dictionary<string, object?> Form = new()
    {
        ["d"] = new byte[] { 0x01, 0xFF, (byte)' ', (byte)'a', (byte)'~', (byte)'&' },
        ["e"] = new[] { "x"u8.ToArray(), "y z"u8.ToArray() },
        ["s"] = "é",
    };

    private const string Encoded = "d=%01%FF+a~%26&e=x&e=y+z&s=%C3%A9";

    [Test]
    public async Task FormDataSendsABytesValueByteForByte([Values] bool async)
    {
        await Send.Either(async, () => Requests.Post(Url("/form"), data: Form), () => Requests.PostAsync(Url("/form"), data: Form));

        Assert.That(Encoding.ASCII.GetString(LastRequest.Bytes()), Is.EqualTo(Encoded));
        Assert.That(LastRequest.Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded"));
    }

    [Test]
    public async Task ParamsSendABytesValueByteForByte([Values] bool async)
    {
        await Send.Either(async, () => Requests.Get(Url("/q"), @params: Form), () => Requests.GetAsync(Url("/q"), @params: Form));

        Assert.That(LastRequest.RawQuery, Is.EqualTo("?" + Encoded));
    }

    [Test]
    public void SessionParamsMergeKeepsABytesValue()
    {
        using var session = new Session();
        session.Params["d"] = new byte[] { 0x01, 0xFF };

        var prepared = session.Prepare(new Request("GET", "http://example.test/") { Params = new { q = 1 } });

        Assert.That(prepared.Url, Is.EqualTo("http://example.test/?d=%01%FF&q=1"));
    }
}
