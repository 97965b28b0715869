namespace FluentRequests.Tests.Content;

/// <summary>
/// Each <c>files</c>/<c>data</c> form as a C# call, next to the Python Requests call whose bytes are in
/// <see cref="MultipartReference"/>. A factory, since stream parts are consumed by a send.
/// </summary>
internal static class MultipartCases
{
    /// <summary>A file named report.csv holding "a,b\n1,2\n", shared by the FileStream cases.</summary>
    public static readonly string ReportPath = CreateReport();

    private static readonly byte[] Data = "data"u8.ToArray();

    public static readonly IReadOnlyDictionary<string, Func<(Files Files, object? Data)>> All = new Dictionary<string, Func<(Files, object?)>>
    {
        // files={'f': b'data'}: no file name given, so the field name is the file name
        ["BytesAlone"] = () => (new Files { ["f"] = Data }, null),
        // files={'f': 'déjà'}
        ["StringAlone"] = () => (new Files { ["f"] = "déjà" }, null),
        // files={'f': open('/…/report.csv', 'rb')}: the basename of the file's path
        ["FileStreamAlone"] = () => (new Files { ["f"] = File.OpenRead(ReportPath) }, null),
        // files={'f': io.BytesIO(b'data')}: a stream without a name takes the field name
        ["OtherStreamAlone"] = () => (new Files { ["f"] = new MemoryStream(Data) }, null),
        // files={'f': ('name.txt', b'data')}
        ["NamedBytes"] = () => (new Files { ["f"] = ("name.txt", Data) }, null),
        // files={'f': ('name.txt', 'text', 'text/plain')}
        ["NamedStringWithType"] = () => (new Files { ["f"] = ("name.txt", "text", "text/plain") }, null),
        // files={'f': ('name.txt', b'data', 'text/plain', {'X-B': '2', 'X-A': '1'})}: after Content-Type, in order
        ["WithHeaders"] = () => (new Files { ["f"] = ("name.txt", Data, "text/plain", new Dictionary<string, string> { ["X-B"] = "2", ["X-A"] = "1" }) }, null),
        // files={'f': ('name.txt', b'data', None, {'Content-Type': 'ignored', 'Content-Disposition': 'attachment', 'X-Empty': '', 'content-type': 'kept'})}
        ["HeadersWithoutType"] = () => (new Files
        {
            ["f"] = ("name.txt", Data, null, new Dictionary<string, string>
            {
                ["Content-Type"] = "ignored", ["Content-Disposition"] = "attachment", ["X-Empty"] = "", ["content-type"] = "kept",
            }),
        }, null),
        // files={'f': ('name.txt', b'data', '')}
        ["EmptyTypeDropped"] = () => (new Files { ["f"] = ("name.txt", Data, "") }, null),
        // files={'f': (None, 'value')}: the only plain field
        ["PlainField"] = () => (new Files { ["f"] = (null, "value") }, null),
        // files={'f': (None, b'{}', 'application/json')}
        ["PlainFieldWithType"] = () => (new Files { ["f"] = (null, "{}"u8.ToArray(), "application/json") }, null),
        // files={'f': ('', b'data')}
        ["EmptyFileName"] = () => (new Files { ["f"] = ("", Data) }, null),
        // files={'a"b\r\nc\\d': ('x"y\r\nz\\.txt', b'q')}
        ["Quoting"] = () => (new Files { ["a\"b\r\nc\\d"] = ("x\"y\r\nz\\.txt", "q"u8.ToArray()) }, null),
        // files={'naïve': ('résumé 文.txt', b'x')}
        ["NonAscii"] = () => (new Files { ["naïve"] = ("résumé 文.txt", "x"u8.ToArray()) }, null),
        // files=[('f', ('f.txt', b'file'))], data={'a': '1', 'b': ['x', 'y'], 'c': None, 'd': b'raw', 'e': 1.5, 'g': True, 'h': [None, 'z'], 'é': 'é'}
        ["DataFirst"] = () => (new Files { ["f"] = ("f.txt", "file"u8.ToArray()) }, new List<KeyValuePair<string, object?>>
        {
            new("a", "1"), new("b", new[] { "x", "y" }), new("c", null), new("d", "raw"u8.ToArray()),
            new("e", 1.5), new("g", true), new("h", new[] { null, "z" }), new("é", "é"),
        }),
        // files={'f': ('f.txt', b'x')}, data={'d': b'\xff\x00'}: bytes are sent as they are
        ["BytesDataValue"] = () => (new Files { ["f"] = ("f.txt", "x"u8.ToArray()) }, new Dictionary<string, object> { ["d"] = new byte[] { 0xFF, 0x00 } }),
        // files={'f': ('f.txt', b'x')}, data={'comment': 'hi'}
        ["AnonymousData"] = () => (new Files { ["f"] = ("f.txt", "x"u8.ToArray()) }, new { comment = "hi" }),
        // files=[('f', ('a.txt', b'1')), ('g', ('b.txt', b'2')), ('f', ('c.txt', b'3'))]
        ["FilesInOrderRepeated"] = () => (new Files
        {
            { "f", ("a.txt", "1"u8.ToArray()) }, { "g", ("b.txt", "2"u8.ToArray()) }, { "f", ("c.txt", "3"u8.ToArray()) },
        }, null),
        // files=[('a', None), ('b', ('b.txt', b'x')), ('c', ('c.txt', None))]
        ["NoneSkipped"] = () => (new Files { { "a", null }, { "b", ("b.txt", "x"u8.ToArray()) }, { "c", ("c.txt", (byte[])null!) } }, null),
        // files={'a': None}: a body with no part at all
        ["AllNone"] = () => (new Files { ["a"] = null }, null),
    };

    private static string CreateReport()
    {
        string dir = Path.Combine(Path.GetTempPath(), "fr-multipart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "report.csv");
        File.WriteAllBytes(path, "a,b\n1,2\n"u8.ToArray());
        return path;
    }
}
