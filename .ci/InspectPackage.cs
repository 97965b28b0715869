// Checks what `dotnet pack` produced for src/FluentRequests, as a user installing it would get it: the files in the
// .nupkg, the nuspec's metadata, the packed README's links and the .snupkg's SourceLink. Prints one line per problem
// and exits 1 when there is any. Run by .ci/run as `dotnet run .ci/InspectPackage.cs -- <dir with the packages>`.
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run .ci/InspectPackage.cs -- <directory holding the .nupkg and .snupkg>");
    return 2;
}

var problems = new List<string>();
string dir = args[0];
string? nupkg = Directory.GetFiles(dir, "FluentRequests.*.nupkg").SingleOrDefault();
string? snupkg = Directory.GetFiles(dir, "FluentRequests.*.snupkg").SingleOrDefault();
if (nupkg is null) problems.Add($"no FluentRequests .nupkg in {dir}");
if (snupkg is null) problems.Add($"no FluentRequests .snupkg (symbols package) in {dir}");

if (nupkg is not null)
{
    using var package = ZipFile.OpenRead(nupkg);
    string? Text(string entry)
    {
        var e = package.GetEntry(entry);
        if (e is null) return null;
        using var reader = new StreamReader(e.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    foreach (var file in new[] { "lib/net10.0/FluentRequests.dll", "lib/net10.0/FluentRequests.xml", "README.md", "LICENSE", "buildTransitive/FluentRequests.targets" })
    {
        if (package.GetEntry(file) is null) problems.Add($"{file} is missing from the .nupkg");
    }

    if (Text("LICENSE") is { } license && !license.Contains("Apache License") | !license.Contains("Version 2.0"))
    {
        problems.Add("LICENSE in the .nupkg is not the Apache License 2.0 text");
    }

    if (Text("README.md") is { } readme)
    {
        // A link target that has no scheme and is not an anchor is relative: it breaks on a package page.
        foreach (Match link in Regex.Matches(readme, @"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^)]*)\)"))
        {
            problems.Add($"README.md in the .nupkg has a relative link: {link.Groups[1].Value}");
        }
    }

    if (Text("FluentRequests.nuspec") is not { } nuspecText)
    {
        problems.Add("FluentRequests.nuspec is missing from the .nupkg");
    }
    else
    {
        var metadata = XDocument.Parse(nuspecText).Root!.Elements().First(e => e.Name.LocalName == "metadata");
        XElement? Element(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        bool IsHttpsUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var u) && u.Scheme == "https" && !u.Host.EndsWith(".invalid");

        if (Element("license") is not { } licenseElement || (string?)licenseElement.Attribute("type") != "expression" || licenseElement.Value != "Apache-2.0")
        {
            problems.Add("nuspec <license type=\"expression\">Apache-2.0</license> is missing");
        }
        if (!IsHttpsUrl(Element("projectUrl")?.Value)) problems.Add($"nuspec <projectUrl> is not a real https URL: '{Element("projectUrl")?.Value}'");
        if (Element("readme")?.Value != "README.md") problems.Add("nuspec <readme>README.md</readme> is missing");
        var repository = Element("repository");
        string? repositoryUrl = (string?)repository?.Attribute("url");
        if (!IsHttpsUrl(repositoryUrl)) problems.Add($"nuspec <repository url> is not a real https URL: '{repositoryUrl}'");
        if (!Regex.IsMatch((string?)repository?.Attribute("commit") ?? "", "^[0-9a-f]{40}$")) problems.Add("nuspec <repository commit> is not a commit id");
    }
}

if (snupkg is not null)
{
    using var symbols = ZipFile.OpenRead(snupkg);
    var pdbEntry = symbols.GetEntry("lib/net10.0/FluentRequests.pdb");
    if (pdbEntry is null)
    {
        problems.Add("lib/net10.0/FluentRequests.pdb is missing from the .snupkg");
    }
    else
    {
        using var pdb = new MemoryStream();
        using (var s = pdbEntry.Open()) s.CopyTo(pdb);
        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        string? sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == sourceLinkKind)
            .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .FirstOrDefault();
        if (sourceLink is null || !sourceLink.Contains("https://raw.githubusercontent.com/"))
        {
            problems.Add($"the PDB has no SourceLink to GitHub: {sourceLink ?? "none"}");
        }
    }
}

foreach (var problem in problems) Console.Error.WriteLine($"package: {problem}");
if (problems.Count > 0) return 1;
Console.WriteLine($"package: {Path.GetFileName(nupkg)} and its .snupkg have the files, metadata, absolute README links and SourceLink expected");
return 0;
