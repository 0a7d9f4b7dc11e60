using System.Text.RegularExpressions;

namespace StripeSf.Core.Facts;

/// <summary>
/// The Salesforce records a Stripe customer names in its metadata: <c>salesforce_account_id</c>,
/// <c>salesforce_contact_id</c> and <c>salesforce_lead_id</c> (the reverse sync writes the last).
/// A value that is not a Salesforce id of the right object (15 or 18 characters, prefix 001, 003
/// or 00Q) is not read, so a typo never reaches a query: the ladder goes on to the next rung.
/// </summary>
public sealed partial record SalesforceLinks(string? AccountId, string? ContactId, string? LeadId)
{
    /// <summary>Metadata key of the Account id.</summary>
    public const string AccountKey = "salesforce_account_id";

    /// <summary>Metadata key of the Contact id.</summary>
    public const string ContactKey = "salesforce_contact_id";

    /// <summary>Metadata key of the Lead id (set by the Lead → Stripe sync).</summary>
    public const string LeadKey = "salesforce_lead_id";

    /// <summary>No links.</summary>
    public static SalesforceLinks None { get; } = new(null, null, null);

    /// <summary>True when the metadata names an Account or a Contact.</summary>
    public bool NamesAccountOrContact => AccountId is not null || ContactId is not null;

    /// <summary>Reads the three keys from <paramref name="metadata"/>.</summary>
    public static SalesforceLinks From(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new(Read(metadata, AccountKey, "001"), Read(metadata, ContactKey, "003"), Read(metadata, LeadKey, "00Q"));
    }

    private static string? Read(IReadOnlyDictionary<string, string> metadata, string key, string prefix) =>
        metadata.TryGetValue(key, out var value) && value.Trim() is { } id && SalesforceId().IsMatch(id) && id.StartsWith(prefix, StringComparison.Ordinal) ? id : null;

    [GeneratedRegex("^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$")]
    private static partial Regex SalesforceId();
}
