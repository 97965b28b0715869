using System.Text;

namespace FluentRequests.Tests.Preparing;

/// <summary>
/// A Content-Length the caller sets: kept when the request has no body (Requests' <c>prepare_content_length</c> only fills
/// it in when missing), replaced by the real length when there is one, refused at send time when no body could honour it.
/// </summary>
public class ContentLengthTests : WireMockTest
{
    [SetUp]
    public void AnswerEverything()
        => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200).WithBody("ok"));

    private Task<Response> SendRequest(bool async, string method, object? headers, object? data = null)
        => Send.Either(async,
            () => Requests.Request(method, Url("/c"), data: data, headers: headers),
            () => Requests.RequestAsync(method, Url("/c"), data: data, headers: headers));

    [Test]
    public async Task ZeroSetByTheCallerIsSentEvenForGetAndHead([Values] bool async, [Values("GET", "HEAD", "POST", "DELETE")] string method)
    {
        var response = await SendRequest(async, method, new Dictionary<string, string> { ["Content-Length"] = "0" });

        Assert.That(LastRequest.Method, Is.EqualTo(method));
        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("0"));
        Assert.That(LastRequest.Header("Transfer-Encoding"), Is.Null);
        Assert.That(response.Request.Headers["Content-Length"], Is.EqualTo("0"));
    }

    [Test]
    public void PrepareKeepsTheCallersValueWhenThereIsNoBody([Values("GET", "POST")] string method)
    {
        // Requests' test_override_content_length.
        using var session = new Session();

        var prepared = session.Prepare(new FluentRequests.Request(method, Url("/c"))
        {
            Headers = new Dictionary<string, string> { ["Content-Length"] = "not zero" },
        });

        Assert.That(prepared.Headers["Content-Length"], Is.EqualTo("not zero"));
    }

    [Test]
    public async Task ABodyReplacesTheCallersValueWithItsLength([Values] bool async)
    {
        var response = await SendRequest(async, "POST", new Dictionary<string, string> { ["Content-Length"] = "99" }, data: "abc");

        Assert.That(LastRequest.Header("Content-Length"), Is.EqualTo("3"));
        Assert.That(Encoding.ASCII.GetString(LastRequest.Bytes()), Is.EqualTo("abc"));
        Assert.That(response.Request.Headers["Content-Length"], Is.EqualTo("3"));
    }

    [Test]
    public async Task NonZeroWithoutABodyIsRefusedBeforeAnythingIsSent(
        [Values] bool async, [Values("GET", "POST")] string method, [Values("5", "not zero")] string value)
    {
        var headers = new Dictionary<string, string> { ["Content-Length"] = value };

        var e = await Send.Throws<InvalidHeaderException>(async,
            () => Requests.Request(method, Url("/c"), headers: headers),
            () => Requests.RequestAsync(method, Url("/c"), headers: headers));

        Assert.That(e.Message, Does.Contain($"Content-Length: {value}").And.Contain(Url("/c")).And.Contain("no body"));
        Assert.That(e.Request?.Headers["Content-Length"], Is.EqualTo(value));
        Assert.That(Received, Is.Empty);
    }
}
