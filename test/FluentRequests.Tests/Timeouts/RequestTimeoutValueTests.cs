namespace FluentRequests.Tests.Timeouts;

public class RequestTimeoutValueTests
{
    [Test]
    public void SecondsApplyToConnectAndRead()
    {
        RequestTimeout t = 2.5;
        Assert.That(t.Connect, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        Assert.That(t.Read, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        Assert.That(t.Total, Is.Null);
    }

    [Test]
    public void TupleSetsConnectAndReadSeparately()
    {
        RequestTimeout t = (3.05, 27);
        Assert.That(t.Connect, Is.EqualTo(TimeSpan.FromSeconds(3.05)));
        Assert.That(t.Read, Is.EqualTo(TimeSpan.FromSeconds(27)));
    }

    [Test]
    public void TotalDeadlineIsExpressible()
    {
        var t = RequestTimeout.FromSeconds(5).WithTotal(TimeSpan.FromSeconds(20));
        Assert.That(t.Total, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(RequestTimeout.TotalOnly(TimeSpan.FromSeconds(1)).Connect, Is.Null);
    }

    [TestCase(-1.0)]
    [TestCase(0.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void InvalidSecondsAreRejected(double seconds)
    {
        var e = Assert.Throws<ArgumentException>(() => { RequestTimeout t = seconds; });
        Assert.That(e!.Message, Does.Contain("positive, finite number of seconds"));
    }

    [Test]
    public void NegativeTimeSpanIsRejected()
    {
        Assert.Throws<ArgumentException>(() => _ = new RequestTimeout(TimeSpan.FromSeconds(-1), null));
        Assert.Throws<ArgumentException>(() => _ = new RequestTimeout(null, null, TimeSpan.Zero));
    }

    [Test]
    public void InvalidTimeoutFailsBeforeAnythingIsSent()
    {
        Assert.Throws<ArgumentException>(() => Requests.Get("http://127.0.0.1:9/", timeout: -5));
    }
}
