using System.Xml.Linq;

namespace StripeSf.Infra.Tests;

/// <summary>Reads the SFDX source in infra/salesforce/force-app/main/default.</summary>
public static class SalesforceMetadata
{
    /// <summary>The Salesforce Metadata API XML namespace.</summary>
    public static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    /// <summary>The SFDX source folder.</summary>
    public static string SourceDirectory => RepositoryPaths.Combine("infra/salesforce/force-app/main/default");

    /// <summary>Every custom field of the shipped metadata as (object, field, type, …).</summary>
    public static IReadOnlySet<SalesforceField> LoadFields()
    {
        var fields = new HashSet<SalesforceField>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceDirectory, "objects"), "*.field-meta.xml", SearchOption.AllDirectories))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!;
            var root = XDocument.Load(file).Root!;
            var name = Value(root, "fullName") ?? Path.GetFileName(file).Replace(".field-meta.xml", "", StringComparison.Ordinal);
            var type = Value(root, "type") ?? "";
            var calculated = type == "Summary" || root.Element(Ns + "formula") is not null;
            var externalId = Value(root, "externalId") == "true";
            var unique = Value(root, "unique") == "true";
            // Task and Event custom fields are declared once, on Activity.
            var objects = folder == "Activity" ? new[] { "Task", "Event" } : new[] { folder };
            foreach (var obj in objects)
            {
                fields.Add(new SalesforceField(obj, name, type, externalId, unique, calculated));
            }
        }

        return fields;
    }

    /// <summary>The field declaration of <paramref name="obj"/>.<paramref name="field"/>; Task/Event map to Activity.</summary>
    public static XElement LoadFieldXml(string obj, string field)
    {
        var folder = obj is "Task" or "Event" ? "Activity" : obj;
        return XDocument.Load(Path.Combine(SourceDirectory, "objects", folder, "fields", field + ".field-meta.xml")).Root!;
    }

    /// <summary>The validation rules of <paramref name="obj"/>.</summary>
    public static IReadOnlyList<XElement> LoadValidationRules(string obj)
    {
        var dir = Path.Combine(SourceDirectory, "objects", obj, "validationRules");
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.validationRule-meta.xml").Select(f => XDocument.Load(f).Root!).ToList()
            : [];
    }

    /// <summary>A permission set by API name.</summary>
    public static XElement LoadPermissionSet(string name) =>
        XDocument.Load(Path.Combine(SourceDirectory, "permissionsets", name + ".permissionset-meta.xml")).Root!;

    /// <summary>The text of a child element, or null.</summary>
    public static string? Value(XElement element, string child) => element.Element(Ns + child)?.Value;
}
