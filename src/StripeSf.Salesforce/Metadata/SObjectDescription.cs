namespace StripeSf.Salesforce.Metadata;

/// <summary>The parts of <c>sobjects/{name}/describe</c> the preflight reads.</summary>
public sealed record SObjectDescription(string Name, bool Createable, bool Updateable, IReadOnlyList<SObjectField> Fields)
{
    /// <summary>The field with this API name (case-insensitive, as Salesforce treats names), or null.</summary>
    public SObjectField? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
