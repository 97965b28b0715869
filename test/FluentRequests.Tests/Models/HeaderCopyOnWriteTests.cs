namespace FluentRequests.Tests.Models;

/// <summary>
/// Header collections share their array with their copies until one changes (copy on write): every session starts
/// from one shared set of defaults and every call copies its session's headers, so a write that skipped the copy would
/// leak a header into other sessions or other calls. Each test here fails on such a write.
/// </summary>
public class HeaderCopyOnWriteTests : WireMockTest
{
    [SetUp]
    public void Stub() => Server.Given(WmRequest.Create().UsingAnyMethod()).RespondWith(WmResponse.Create().WithStatusCode(200));

    [Test]
    public void EachWayOfChangingACopyLeavesTheOriginalAlone()
    {
        var changes = new (string Name, Action<HeaderCollection> Change)[]
        {
            ("set a new name", h => h["X-New"] = "1"),
            ("replace a value", h => h["Accept"] = "text/plain"),
            ("remove", h => h.Remove("Accept")),
            ("clear", h => h.Clear()),
            ("add", h => h.Add("X-Added", "2")),
            ("set null", h => h["Accept"] = null),
        };
        foreach (var (name, change) in changes)
        {
            var original = new HeaderCollection { ["Accept"] = "*/*", ["User-Agent"] = "ua" };
            var copy = original.Copy();
            change(copy);
            Assert.That(original.ToList(), Is.EqualTo(new Dictionary<string, string> { ["Accept"] = "*/*", ["User-Agent"] = "ua" }.ToList()),
                $"{name} on the copy");

            var second = new HeaderCollection { ["Accept"] = "*/*", ["User-Agent"] = "ua" };
            var secondCopy = second.Copy();
            change(second);
            Assert.That(secondCopy.ToList(), Is.EqualTo(new Dictionary<string, string> { ["Accept"] = "*/*", ["User-Agent"] = "ua" }.ToList()),
                $"{name} on the original");
        }
    }

    [Test]
    public void ACopyOfACopyIsIndependentOfBoth()
    {
        var a = new HeaderCollection { ["A"] = "1" };
        var b = a.Copy();
        var c = b.Copy();
        b["B"] = "2";
        c["A"] = "3";

        Assert.That(a["A"], Is.EqualTo("1"));
        Assert.That(a.ContainsKey("B"), Is.False);
        Assert.That(b["A"], Is.EqualTo("1"));
        Assert.That(c["A"], Is.EqualTo("3"));
        Assert.That(c.ContainsKey("B"), Is.False);
    }

    [Test]
    public void GrowingPastTheFirstArrayKeepsEveryHeaderInOrder()
    {
        var headers = new HeaderCollection();
        for (int i = 0; i < 40; i++) headers[$"X-{i}"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var copy = headers.Copy();
        copy.Remove("X-0");

        Assert.That(headers.Keys, Is.EqualTo(Enumerable.Range(0, 40).Select(i => $"X-{i}")));
        Assert.That(copy.Keys, Is.EqualTo(Enumerable.Range(1, 39).Select(i => $"X-{i}")));
    }

    [Test]
    public void ChangingHeadersWhileEnumeratingThemEnumeratesTheHeadersAsTheyWere()
    {
        var headers = new HeaderCollection { ["A"] = "1", ["B"] = "2", ["C"] = "3" };
        var seen = new List<string>();
        foreach (var (name, _) in headers)
        {
            seen.Add(name);
            headers.Remove("B");
            headers["D"] = "4";
        }

        Assert.That(seen, Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(headers.Keys, Is.EqualTo(new[] { "A", "C", "D" }));
    }

    [Test]
    public void ANewSessionsHeadersAreItsOwn()
    {
        using var first = new Session();
        first.Headers["X-First"] = "1";
        first.Headers["Accept"] = "application/json";
        first.Headers.Remove("Connection");
        using var second = new Session();

        Assert.That(second.Headers["X-First"], Is.Null);
        Assert.That(second.Headers["Accept"], Is.EqualTo("*/*"));
        Assert.That(second.Headers["Connection"], Is.EqualTo("keep-alive"));
    }

    [Test]
    public async Task AHeaderChangedOnASessionAfterACallReachesTheNextCallOnly([Values] bool async)
    {
        using var session = new Session();
        var first = await Send.Either(async, () => session.Get(Url("/1")), () => session.GetAsync(Url("/1")));
        session.Headers["X-Later"] = "yes";
        await Send.Either(async, () => session.Get(Url("/2")), () => session.GetAsync(Url("/2")));

        Assert.That(first.Request.Headers["X-Later"], Is.Null, "the first call's prepared headers were copied before the change");
        Assert.That(Received[0].RequestMessage.Headers!.ContainsKey("X-Later"), Is.False);
        Assert.That(Received[1].RequestMessage.Header("X-Later"), Is.EqualTo("yes"));
    }

    [Test]
    public async Task HeadersACallAddsStayOnThatCall([Values] bool async)
    {
        using var session = new Session();
        await Send.Either(async, () => session.Get(Url("/1"), headers: new { X_Once = "1" }, auth: ("user", "pass")),
            () => session.GetAsync(Url("/1"), headers: new { X_Once = "1" }, auth: ("user", "pass")));
        await Send.Either(async, () => Requests.Get(Url("/2"), headers: new { X_Throwaway = "1" }),
            () => Requests.GetAsync(Url("/2"), headers: new { X_Throwaway = "1" }));
        await Send.Either(async, () => session.Get(Url("/3")), () => session.GetAsync(Url("/3")));
        using var fresh = new Session();

        Assert.That(session.Headers.Keys, Is.EqualTo(new[] { "User-Agent", "Accept-Encoding", "Accept", "Connection" }));
        Assert.That(fresh.Headers.Keys, Is.EqualTo(new[] { "User-Agent", "Accept-Encoding", "Accept", "Connection" }));
        Assert.That(Received[2].RequestMessage.Headers!.Keys, Has.None.EqualTo("X-Once").And.None.EqualTo("Authorization").And.None.EqualTo("X-Throwaway"));
    }
}
