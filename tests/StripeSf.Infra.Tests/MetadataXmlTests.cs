using System.Xml;
using System.Xml.Linq;

namespace StripeSf.Infra.Tests;

public sealed class MetadataXmlTests
{
    [Fact]
    public void MetadataFiles_AreWellFormedMetadataApiXml()
    {
        var files = Directory.EnumerateFiles(SalesforceMetadata.SourceDirectory, "*-meta.xml", SearchOption.AllDirectories).ToList();
        var problems = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var root = XDocument.Load(file).Root!;
                if (root.Name.Namespace != SalesforceMetadata.Ns)
                {
                    problems.Add($"{file}: root <{root.Name.LocalName}> is not in {SalesforceMetadata.Ns}");
                }
            }
            catch (XmlException e)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }

        Assert.True(files.Count > 50, $"expected the full data model under {SalesforceMetadata.SourceDirectory}, found {files.Count} files");
        Assert.Empty(problems);
    }

    [Fact]
    public void MetadataFiles_FullNameMatchesFileName()
    {
        var mismatches = Directory.EnumerateFiles(SalesforceMetadata.SourceDirectory, "*-meta.xml", SearchOption.AllDirectories)
            .Select(f => (File: f, Root: XDocument.Load(f).Root!))
            .Where(x => SalesforceMetadata.Value(x.Root, "fullName") is { } name
                && !Path.GetFileName(x.File).StartsWith(name + ".", StringComparison.Ordinal))
            .Select(x => x.File)
            .ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void SfdxProject_PointsAtForceApp()
    {
        var project = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("infra/salesforce/sfdx-project.json")))!;

        Assert.Equal("force-app", (string?)project["packageDirectories"]![0]!["path"]);
        Assert.Matches(@"^\d+\.0$", (string?)project["sourceApiVersion"]);
    }
}
