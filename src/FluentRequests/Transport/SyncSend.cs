namespace FluentRequests;

/// <summary>
/// The error of a synchronous call that cannot be sent synchronously (a caller's handler without <c>Send</c>, or HTTP/2
/// required): it fails at once and names the asynchronous method, rather than blocking on asynchronous code.
/// </summary>
internal static class SyncSend
{
    public static NotSupportedException NotSupported(PreparedRequest request, string reason, Exception? inner = null)
        => new($"{reason}, and a synchronous call never blocks on asynchronous code: use {AsyncMethod(request.Method)} "
               + $"(or the …Async form of this call) for {request.Method} {request.DisplayUrl}.", inner);

    private static string AsyncMethod(string method) => method switch
    {
        "GET" => "GetAsync",
        "POST" => "PostAsync",
        "PUT" => "PutAsync",
        "PATCH" => "PatchAsync",
        "DELETE" => "DeleteAsync",
        "HEAD" => "HeadAsync",
        "OPTIONS" => "OptionsAsync",
        _ => "RequestAsync",
    };
}
