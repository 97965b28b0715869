using System.Net.Http.Headers;

namespace FluentRequests;

internal static class MediaTypes
{
    public static readonly MediaTypeHeaderValue Json = new("application/json");
}
