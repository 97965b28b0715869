namespace FluentRequests.Tests.Infrastructure;

/// <summary>Runs the sync or the async form of a call, so one test body covers both paths: <c>[Values] bool async</c>.</summary>
public static class Send
{
    public static async Task<T> Either<T>(bool async, Func<T> sync, Func<Task<T>> asynchronous)
        => async ? await asynchronous() : sync();

    /// <summary>Asserts that the sync or async call throws <typeparamref name="TException"/> and returns it.</summary>
    public static async Task<TException> Throws<TException>(bool async, Func<object?> sync, Func<Task> asynchronous) where TException : Exception
    {
        try
        {
            if (async) await asynchronous();
            else sync();
        }
        catch (TException expected)
        {
            return expected;
        }
        catch (Exception other)
        {
            Assert.Fail($"Expected {typeof(TException).Name} but got {other.GetType().Name}: {other}");
        }
        Assert.Fail($"Expected {typeof(TException).Name} but nothing was thrown.");
        throw new InvalidOperationException("unreachable");
    }
}
