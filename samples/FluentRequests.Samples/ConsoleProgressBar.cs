namespace FluentRequests.Samples;

/// <summary>
/// Draws a download's progress on one console line. An <see cref="IProgress{T}"/> of its own rather than
/// <see cref="Progress{T}"/>, which would post each report to the thread pool where they can arrive out of order.
/// </summary>
public sealed class ConsoleProgressBar(string name) : IProgress<DownloadProgress>
{
    private const int Width = 30;
    private DownloadProgress _last;
    private string? _drawn;

    public void Report(DownloadProgress value)
    {
        _last = value;
        // With output redirected (CI logs) only the final line, from Finish.
        if (!Console.IsOutputRedirected) Draw();
    }

    /// <summary>Draws the final state and ends the line.</summary>
    public void Finish()
    {
        Draw();
        Console.WriteLine();
    }

    private void Draw()
    {
        // Without a total (a chunked body) the bar shows bytes only.
        int filled = (int)((_last.Fraction ?? 0) * Width);
        string bar = _last.Fraction is null ? new string('?', Width) : new string('#', filled) + new string('.', Width - filled);
        string total = _last.TotalBytes?.ToString("N0") ?? "?";
        string line = $"\r  {name,-12} [{bar}] {_last.BytesReceived:N0} of {total} bytes received, {_last.BytesWritten:N0} written";
        if (line == _drawn) return;
        _drawn = line;
        Console.Write(line);
    }
}
