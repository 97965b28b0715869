namespace FluentRequests.Tests.Body;

/// <summary>Gets a URL and reads its whole body the chosen way, sync or async; returns how many bytes arrived.</summary>
public static class BodyReader
{
    public static int Read(BodyRead read, string url, RequestTimeout timeout, CancellationToken token = default, Session? session = null)
    {
        session ??= new Session();
        if (read == BodyRead.Buffered) return session.Get(url, timeout: timeout, cancellationToken: token).Content.Length;
        using var response = session.Get(url, timeout: timeout, stream: true, cancellationToken: token);
        switch (read)
        {
            case BodyRead.Content:
                return response.Content.Length;
            case BodyRead.IterContent:
                int total = 0;
                foreach (var chunk in response.IterContent(1024)) total += chunk.Length;
                return total;
            case BodyRead.IterChunks:
                int sum = 0;
                foreach (var chunk in response.IterChunks(1024)) sum += chunk.Length;
                return sum;
            case BodyRead.CopyTo:
                return (int)response.CopyTo(Stream.Null);
            case BodyRead.SaveTo:
                using (var target = new SaveTarget()) return target.Saved(response.SaveTo(target.File));
            default:
                using (var copy = new MemoryStream())
                {
                    response.Raw.CopyTo(copy);
                    return (int)copy.Length;
                }
        }
    }

    public static async Task<int> ReadAsync(BodyRead read, string url, RequestTimeout timeout, CancellationToken token = default, Session? session = null)
    {
        session ??= new Session();
        if (read == BodyRead.Buffered) return (await session.GetAsync(url, timeout: timeout, cancellationToken: token)).Content.Length;
        await using var response = await session.GetAsync(url, timeout: timeout, stream: true, cancellationToken: token);
        switch (read)
        {
            case BodyRead.Content:
                return (await response.ReadContentAsync()).Length;
            case BodyRead.IterContent:
                int total = 0;
                await foreach (var chunk in response.IterContentAsync(1024)) total += chunk.Length;
                return total;
            case BodyRead.IterChunks:
                int sum = 0;
                await foreach (var chunk in response.IterChunksAsync(1024)) sum += chunk.Length;
                return sum;
            case BodyRead.CopyTo:
                return (int)await response.CopyToAsync(Stream.Null);
            case BodyRead.SaveTo:
                using (var target = new SaveTarget()) return target.Saved(await response.SaveToAsync(target.File));
            default:
                using (var copy = new MemoryStream())
                {
                    await response.Raw.CopyToAsync(copy);
                    return (int)copy.Length;
                }
        }
    }
}
