namespace FluentRequests.Tests.Body;

/// <summary>
/// A temporary folder for one <c>SaveTo</c>: <see cref="Saved"/> checks that a save left only its file, of the size
/// it reported; disposing checks that a save which threw left nothing at all, then deletes the folder.
/// </summary>
internal sealed class SaveTarget : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fluentrequests-").FullName;
    private bool _returned;

    /// <summary>Where the body is to be saved.</summary>
    public string File => Path.Combine(_directory, "body.bin");

    /// <summary>Checks what a save that returned <paramref name="saved"/> bytes left behind; returns the count.</summary>
    public int Saved(long saved)
    {
        _returned = true;
        Assert.That(Directory.GetFiles(_directory).Select(Path.GetFileName), Is.EqualTo(new[] { "body.bin" }), "the file, and no temporary file");
        Assert.That(new FileInfo(File).Length, Is.EqualTo(saved));
        return (int)saved;
    }

    public void Dispose()
    {
        try
        {
            if (!_returned) Assert.That(Directory.GetFiles(_directory), Is.Empty, "a failed save leaves neither the file nor a temporary file");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
