using System.Diagnostics;

namespace FluentRequests;

/// <summary>
/// The Azure.Core pattern: the sync API runs the same code as the async API with <c>async: false</c>, so
/// every await in it completes synchronously (HttpMessageInvoker.Send, Stream.Read). This reads the
/// result of such an already-completed ValueTask; it never blocks on I/O.
/// </summary>
internal static class SyncCompletion
{
    public static T EnsureCompleted<T>(this ValueTask<T> task)
    {
        if (!task.IsCompleted)
        {
            throw new UnreachableException("A synchronous FluentRequests call went asynchronous; this is a bug.");
        }
        return task.GetAwaiter().GetResult();
    }
}
