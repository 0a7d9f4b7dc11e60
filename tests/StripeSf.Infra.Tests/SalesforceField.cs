namespace StripeSf.Infra.Tests;

/// <summary>A custom field declared in infra/salesforce.</summary>
/// <param name="Object">Object API name (Activity fields are reported for both Task and Event).</param>
/// <param name="Name">Field API name, e.g. <c>MRR__c</c>.</param>
/// <param name="Type">Metadata type: Text, Currency, Number, Date, DateTime, Picklist, Checkbox, Url, Summary, MasterDetail, …
/// (a formula field reports its result type and <paramref name="IsCalculated"/>).</param>
/// <param name="IsExternalId">Marked External ID.</param>
/// <param name="IsUnique">Marked Unique.</param>
/// <param name="IsCalculated">Formula or roll-up summary: Salesforce computes it, nothing can write it.</param>
public sealed record SalesforceField(string Object, string Name, string Type, bool IsExternalId, bool IsUnique, bool IsCalculated)
{
    /// <summary>Whether an API client can write the field (not calculated, not a master-detail key).</summary>
    public bool IsWritable => !IsCalculated && Type != "MasterDetail";
}
