namespace FluentRequests.Tests.Transport;

/// <summary>Gets a URL and reads its whole body the chosen way, sync or async; returns how many bytes arrived.</summary>
public static class BodyReader
{
    public static int Read(BodyRead read, string url, RequestTimeout timeout, CancellationToken token = default)
    {
        if (read == BodyRead.Buffered) return Requests.Get(url, timeout: timeout, cancellationToken: token).Content.Length;
        using var response = Requests.Get(url, timeout: timeout, stream: true, cancellationToken: token);
        switch (read)
        {
            case BodyRead.Content:
                return response.Content.Length;
            case BodyRead.IterContent:
                int total = 0;
                foreach (var chunk in response.IterContent(1024)) total += chunk.Length;
                return total;
            default:
                using (var copy = new MemoryStream())
                {
                    response.Raw.CopyTo(copy);
                    return (int)copy.Length;
                }
        }
    }

    public static async Task<int> ReadAsync(BodyRead read, string url, RequestTimeout timeout, CancellationToken token = default)
    {
        if (read == BodyRead.Buffered) return (await Requests.GetAsync(url, timeout: timeout, cancellationToken: token)).Content.Length;
        await using var response = await Requests.GetAsync(url, timeout: timeout, stream: true, cancellationToken: token);
        switch (read)
        {
            case BodyRead.Content:
                return (await response.ReadContentAsync()).Length;
            case BodyRead.IterContent:
                int total = 0;
                await foreach (var chunk in response.IterContentAsync(1024)) total += chunk.Length;
                return total;
            default:
                using (var copy = new MemoryStream())
                {
                    await response.Raw.CopyToAsync(copy);
                    return (int)copy.Length;
                }
        }
    }
}
