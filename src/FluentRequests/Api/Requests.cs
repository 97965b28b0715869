namespace FluentRequests;

/// <summary>
/// Python Requests' top-level API: each method sends one request on a throwaway <see cref="Session"/>, so no
/// cookies or auth leak between calls, while connections are still pooled and reused across calls.
/// </summary>
// The verbs (Request, Head, Get, Post, Put, Patch, Delete, Options and their async twins) are generated, with the
// Session's and the fluent builder's, from the argument table in src/FluentRequests.Generators/ArgumentTable.cs.
public static partial class Requests
{
    /// <summary>The fluent entry on a throwaway session: each send of the returned builder uses a fresh session.</summary>
    /// <param name="url">The absolute URL.</param>
    public static RequestBuilder Url(string url) => new(null, url);
}
