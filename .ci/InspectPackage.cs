// Checks what `dotnet pack` produced for each package (src/FluentRequests, src/FluentRequests.Testing,
// src/FluentRequests.Extensions.DependencyInjection), as a user installing it would get it: the files in the .nupkg,
// the nuspec's metadata, the packed README's links and the .snupkg's SourceLink; that FluentRequests.Testing depends on
// FluentRequests and on no test framework; that the core depends on no Microsoft.Extensions.* package and the DI
// package on FluentRequests. Prints one line per problem and exits 1 when there is any. Run by .ci/run as
// `dotnet run .ci/InspectPackage.cs -- <dir with the packages> [package id ...]` (default: both packages).
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: dotnet run .ci/InspectPackage.cs -- <directory holding the .nupkg and .snupkg> [package id ...]");
    return 2;
}

string dir = args[0];
string[] ids = args.Length > 1 ? args[1..] : ["FluentRequests", "FluentRequests.Testing"];
int failed = 0;
foreach (var id in ids)
{
    var found = Inspect(dir, id, out string? packageName);
    foreach (var problem in found) Console.Error.WriteLine($"package {id}: {problem}");
    if (found.Count > 0) failed++;
    else Console.WriteLine($"package: {packageName} and its .snupkg have the files, metadata, absolute README links and SourceLink expected");
}
return failed > 0 ? 1 : 0;

static List<string> Inspect(string dir, string id, out string? packageName)
{
    var problems = new List<string>();
    // The id, then the version (a digit): "FluentRequests.*" alone would also match FluentRequests.Testing.
    string? nupkg = Directory.GetFiles(dir, $"{id}.*.nupkg").Where(p => IsVersionOf(p, id)).SingleOrDefault();
    string? snupkg = Directory.GetFiles(dir, $"{id}.*.snupkg").Where(p => IsVersionOf(p, id)).SingleOrDefault();
    packageName = nupkg is null ? null : Path.GetFileName(nupkg);
    if (nupkg is null) problems.Add($"no {id} .nupkg in {dir}");
    if (snupkg is null) problems.Add($"no {id} .snupkg (symbols package) in {dir}");

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

        foreach (var file in new[] { $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml", "README.md", "LICENSE" })
        {
            if (package.GetEntry(file) is null) problems.Add($"{file} is missing from the .nupkg");
        }
        // The core's build file turns anonymous-object reflection off in trimmed and AOT publishes.
        if (id == "FluentRequests" && package.GetEntry("buildTransitive/FluentRequests.targets") is null)
        {
            problems.Add("buildTransitive/FluentRequests.targets is missing from the .nupkg");
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

        if (Text($"{id}.nuspec") is not { } nuspecText)
        {
            problems.Add($"{id}.nuspec is missing from the .nupkg");
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
            var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id") ?? "").ToList();
            if (id == "FluentRequests.Testing")
            {
                if (!dependencies.Contains("FluentRequests")) problems.Add("nuspec has no dependency on FluentRequests");
                // Usable from NUnit, xUnit and MSTest alike: no test framework comes with it.
                foreach (var framework in dependencies.Where(d => Regex.IsMatch(d, "^(NUnit|xunit|MSTest|Microsoft.NET.Test.Sdk)", RegexOptions.IgnoreCase)))
                {
                    problems.Add($"nuspec depends on a test framework: {framework}");
                }
            }
            if (id == "FluentRequests")
            {
                // The core stays free of the hosting stack: FluentRequests.Extensions.DependencyInjection brings it.
                foreach (var extension in dependencies.Where(d => d.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"nuspec depends on {extension}: the core takes no Microsoft.Extensions.* package");
                }
            }
            if (id == "FluentRequests.Extensions.DependencyInjection" && !dependencies.Contains("FluentRequests"))
            {
                problems.Add("nuspec has no dependency on FluentRequests");
            }
        }
    }

    if (snupkg is not null)
    {
        using var symbols = ZipFile.OpenRead(snupkg);
        var pdbEntry = symbols.GetEntry($"lib/net10.0/{id}.pdb");
        if (pdbEntry is null)
        {
            problems.Add($"lib/net10.0/{id}.pdb is missing from the .snupkg");
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

    return problems;
}

static bool IsVersionOf(string path, string id)
    => Path.GetFileName(path) is var name && name.Length > id.Length + 1 && char.IsAsciiDigit(name[id.Length + 1]);
