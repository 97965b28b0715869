namespace FluentRequests.Tests.Transport;

/// <summary>
/// The pool of transports stays bounded: past its threshold, adding a transport closes those unused for the idle
/// limit, so a process that sends through many proxies over its life does not keep a handler for each.
/// </summary>
public class TransportCacheTests
{
    private sealed class Clock
    {
        public long Now;
    }

    private static TransportKey Key(int i) => TransportKey.Default with { Proxy = $"http://proxy{i}.test:3128" };

    private static (TransportCache Cache, Clock Clock, List<FluentRequests.Transport> Created) NewCache(int sweepAbove = 3)
    {
        var clock = new Clock();
        var created = new List<FluentRequests.Transport>();
        var cache = new TransportCache(key =>
        {
            var transport = new FluentRequests.Transport(new HttpMessageInvoker(new SocketsHttpHandler()), key);
            created.Add(transport);
            return transport;
        }, sweepAbove, TimeSpan.FromMinutes(5), () => clock.Now);
        return (cache, clock, created);
    }

    [Test]
    public void TheSameKeyGetsTheSameTransport()
    {
        var (cache, _, created) = NewCache();

        Assert.That(cache.Get(Key(1)), Is.SameAs(cache.Get(Key(1))));
        Assert.That(created, Has.Count.EqualTo(1));
    }

    [Test]
    public void IdleTransportsAreClosedOnceThePoolPassesItsThreshold()
    {
        var (cache, clock, created) = NewCache(sweepAbove: 3);
        for (int i = 0; i < 3; i++) cache.Get(Key(i));
        clock.Now = (long)TimeSpan.FromMinutes(4).TotalMilliseconds;
        cache.Get(Key(0)); // used recently: kept
        clock.Now = (long)TimeSpan.FromMinutes(6).TotalMilliseconds;

        cache.Get(Key(3));

        Assert.That(cache.Count, Is.EqualTo(2), "proxy1 and proxy2, idle for 6 minutes, are gone; proxy0 and proxy3 stay");
        Assert.That(cache.Get(Key(0)), Is.SameAs(created[0]));
        Assert.Throws<ObjectDisposedException>(() => created[1].Invoker.Send(new HttpRequestMessage(HttpMethod.Get, "http://a.test/"), default));
        Assert.That(cache.Get(Key(1)), Is.Not.SameAs(created[1]), "a closed transport is replaced by a new one");
    }

    [Test]
    public void BelowTheThresholdNothingIsClosed()
    {
        var (cache, clock, _) = NewCache(sweepAbove: 3);
        for (int i = 0; i < 3; i++) cache.Get(Key(i));
        clock.Now = (long)TimeSpan.FromHours(1).TotalMilliseconds;

        cache.Get(Key(0));

        Assert.That(cache.Count, Is.EqualTo(3));
    }

    [Test]
    public void RecentlyUsedTransportsAreKeptEvenAboveTheThreshold()
    {
        var (cache, clock, _) = NewCache(sweepAbove: 2);
        for (int i = 0; i < 5; i++)
        {
            clock.Now += 1000;
            cache.Get(Key(i));
        }

        Assert.That(cache.Count, Is.EqualTo(5), "closing a transport a request may be about to use would fail that request");
    }
}
