// The C# snippets of docs/uploads-and-downloads.md, compiled with the sample (not run by it: they use public
// URLs and local files). Keep each method's body and the doc's code block in step.
namespace FluentRequests.Samples;

public static partial class DocSnippets
{
    // uploads-and-downloads.md: Multipart uploads
    public static void MultipartUploads()
    {
        var files = new Files
        {
            { "report", FileField.FromPath("report.csv", "text/csv") },                  // streamed from disk
            { "avatar", File.OpenRead("me.png") },                                      // filename="me.png"
            { "notes", ("notes.txt", "some,data\n", "text/plain") },
            { "meta", ("meta.json", "{}"u8.ToArray(), "application/json", new Dictionary<string, string> { ["X-Version"] = "2" }) },
            { "comment", (null, "a plain field, no filename") },
        };
        var r = Requests.Post("https://httpbin.org/post", files: files, data: new { album = "holidays", tags = new[] { "sea", "sun" } });
    }

    // uploads-and-downloads.md: Length, chunking and resends
    public static void MultipartResends()
    {
        using var session = new Session { Retry = new RetryPolicy { Methods = new HashSet<string> { "POST" } } };
        using var upload = File.OpenRead("video.mp4");              // seekable: rewound before the retry
        var r = session.Post("https://example.com/upload", files: new Files { ["video"] = upload });
        try
        {
            using var pipe = Console.OpenStandardInput();           // cannot seek: sent chunked, and only once
            session.Post("https://example.com/upload", files: new Files { ["stdin"] = ("stdin.bin", pipe) });
        }
        catch (UnrewindableBodyException e)
        {
            Console.WriteLine(e.Message);  // Unable to rewind the request body to retry https://example.com/upload: …
        }
    }

    // uploads-and-downloads.md: When the server answers before the upload ends
    public static void EarlyResponse()
    {
        using var video = File.OpenRead("video.mp4");
        var r = Requests.Post("https://example.com/upload", files: new Files { ["video"] = video });
        if (r.StatusCode == 413) Console.WriteLine($"Too large for the server: {r.Text}");
    }
}
