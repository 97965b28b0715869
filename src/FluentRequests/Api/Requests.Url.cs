namespace FluentRequests;

public static partial class Requests
{
    /// <summary>The fluent entry on a throwaway session: each send of the returned builder uses a fresh session.</summary>
    /// <param name="url">The absolute URL.</param>
    public static RequestBuilder Url(string url) => new(null, url);
}
