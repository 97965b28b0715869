namespace FluentRequests;

/// <summary>
/// Python Requests' top-level API: each method sends one request as on a throwaway <see cref="Session"/> with
/// Requests' defaults, so no cookies or auth leak between calls, while connections are still pooled and reused across
/// calls. (The calls share one unchangeable session that keeps no cookie, which costs less than a new one per call.)
/// </summary>
// The verbs (Request, Head, Get, Post, Put, Patch, Delete, Options and their async twins) are generated, with the
// Session's and the fluent builder's, from the argument table in src/FluentRequests.Generators/ArgumentTable.cs.
public static partial class Requests
{
    /// <summary>The fluent entry with Requests' defaults: each send of the returned builder is as on a fresh session (no cookie outlives it).</summary>
    /// <param name="url">The absolute URL.</param>
    public static RequestBuilder Url(string url) => new(null, url);
}
