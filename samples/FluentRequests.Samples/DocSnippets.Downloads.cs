// The C# snippets of docs/uploads-and-downloads.md's download and limit sections, compiled with the sample (not run
// by it: they use public URLs). Keep each method's body and the doc's code block in step.
namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // uploads-and-downloads.md: Saving to a file
    public static void SavingToAFile()
    {
        using var session = new Session();
        using var r = session.Get("https://example.com/big.iso", stream: true);
        r.RaiseForStatus();
        long saved = r.SaveTo("big.iso", new ConsoleProgress());
        Console.WriteLine();
    }

    // Report runs on the thread reading the body, after each chunk: the reports arrive in order.
    private sealed class ConsoleProgress : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress p)
            => Console.Write($"\r{p.BytesReceived:N0} of {p.TotalBytes?.ToString("N0") ?? "?"} bytes ({p.Fraction:P0})");
    }

    // uploads-and-downloads.md: Reading without holding the body
    public static void ReadingWithoutHoldingTheBody()
    {
        using var r = Requests.Get("https://example.com/export.csv.gz", stream: true);
        using (var file = File.Create("export.csv"))
        {
            r.CopyTo(file);                                         // decoded, one pooled 64 KiB buffer
        }

        using var events = Requests.Get("https://example.com/feed", stream: true);
        foreach (ReadOnlyMemory<byte> chunk in events.IterChunks())
        {
            Console.WriteLine(chunk.Length);                        // chunk is valid until the next step only
        }
    }

    // uploads-and-downloads.md: Limits against a hostile server
    public static void Limits()
    {
        using var downloads = new Session { MaxDecompressionRatio = null };  // SaveTo streams: memory stays flat anyway
        using var image = downloads.Get("https://example.com/disk.img", stream: true);
        image.SaveTo("disk.img");

        using var api = new Session { MaxResponseBytes = 512L * 1024 * 1024, MaxResponseHeadersBytes = 256 * 1024 };
    }
}
