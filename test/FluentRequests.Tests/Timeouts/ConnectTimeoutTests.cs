using System.Diagnostics;

namespace FluentRequests.Tests.Timeouts;

public class ConnectTimeoutTests
{
    [Test]
    public async Task ConnectTimeoutFiresWhenTheServerNeverAccepts([Values] bool async)
    {
        using var listener = new FullBacklogListener();
        var watch = Stopwatch.StartNew();

        var e = await Send.Throws<ConnectTimeoutException>(async,
            () => Requests.Get(listener.Url, timeout: (0.5, 30)),
            () => Requests.GetAsync(listener.Url, timeout: (0.5, 30)));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "fired within a generous bound of the 0.5 s limit");
        Assert.That(e.Message, Does.Contain(listener.Url).And.Contain("connect timeout=0.5s"));
        Assert.That(e, Is.InstanceOf<RequestTimeoutException>());
    }

    [Test]
    public async Task ConnectTimeoutIsPerRequestOnASharedTransport()
    {
        using var listener = new FullBacklogListener();
        using var session = new Session { Timeout = (30, 30) };

        // The session default would wait 30 s; the request's own limit applies to its connection attempt.
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<ConnectTimeoutException>(() => session.GetAsync(listener.Url, timeout: (0.3, 30)));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task CallerCancellationDuringConnectIsNotATimeout([Values] bool async)
    {
        using var listener = new FullBacklogListener();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Send.Throws<OperationCanceledException>(async,
            () => Requests.Get(listener.Url, timeout: (30, 30), cancellationToken: cts.Token),
            () => Requests.GetAsync(listener.Url, timeout: (30, 30), cancellationToken: cts.Token));

        Assert.That(e, Is.Not.InstanceOf<TaskCanceledException>());
        Assert.That(e.CancellationToken, Is.EqualTo(cts.Token));
    }
}
