namespace FluentRequests.Testing.Tests;

/// <summary>What the ambient hook costs a request when no fake is in its flow.</summary>
public sealed class HotPathTests
{
    [Test]
    public void WithNoFakeInTheFlowTheLookupAllocatesNothing()
    {
        // Other tests may have fakes alive (the count is process-wide): then the lookup also reads the flow's slot.
        Assert.That(AmbientHandler.For(null), Is.Null);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            if (AmbientHandler.For(null) is not null) Assert.Fail("no fake is in this flow");
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void AFakeDisposedInAnotherFlowLeavesThisFlowOnTheNetwork()
    {
        FakeHttp? elsewhere = null;
        Task.Run(() => elsewhere = new FakeHttp()).Wait();

        Assert.That(AmbientHandler.For(null), Is.Null);
        elsewhere!.Dispose();
        Assert.That(AmbientHandler.For(null), Is.Null);
    }
}
