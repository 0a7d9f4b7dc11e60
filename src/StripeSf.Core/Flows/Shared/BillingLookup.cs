namespace StripeSf.Core.Flows.Shared;

/// <summary>Lookup field names from relationship names, by Salesforce's own convention.</summary>
internal static class BillingLookup
{
    /// <summary>
    /// The field that holds the parent's Id: <c>Account__r</c> → <c>Account__c</c> (custom),
    /// <c>Account</c> → <c>AccountId</c> (standard). Needed where the parent is known only by an Id
    /// read in the same composite request, not by its external id.
    /// </summary>
    public static string IdField(string relationshipName) =>
        relationshipName.EndsWith("__r", StringComparison.Ordinal) ? string.Concat(relationshipName.AsSpan(0, relationshipName.Length - 3), "__c") : relationshipName + "Id";
}
