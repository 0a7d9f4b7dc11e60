namespace StripeSf.Core.Mapping;

/// <summary>
/// The Lead → Stripe customer sync (<c>Mapping__LeadSync__*</c>): which Leads go, which Lead fields
/// fill which customer fields, and the Lead fields the sync writes back.
/// </summary>
public sealed class LeadSyncMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Lead";
    /// <summary>Checkbox that selects the Leads to sync (must be true); empty: every Lead that is not converted.</summary>
    public string SyncFlag { get; set; } = "Sync_To_Stripe__c";
    /// <summary>Converted Leads never sync (the Contact does).</summary>
    public string IsConverted { get; set; } = "IsConverted";
    /// <summary>Change time the watermark follows (SystemModstamp also moves on system changes; that only re-reads).</summary>
    public string Modstamp { get; set; } = "SystemModstamp";
    /// <summary>Written back: the Stripe customer id.</summary>
    public string CustomerId { get; set; } = "Stripe_Customer_Id__c";
    /// <summary>Written back: picklist Synced, Skipped or Error.</summary>
    public string Status { get; set; } = "Stripe_Sync_Status__c";
    /// <summary>Written back: why the Lead was skipped or refused (empty once it syncs).</summary>
    public string Error { get; set; } = "Stripe_Sync_Error__c";
    /// <summary>Written back: when the Lead last reached Stripe.</summary>
    public string SyncedAt { get; set; } = "Stripe_Synced_At__c";
    /// <summary>Written back: a hash of the values last sent, so an unchanged Lead costs no Stripe call and a changed one is retried.</summary>
    public string Fingerprint { get; set; } = "Stripe_Sync_Fingerprint__c";
    /// <summary>Email (required, and checked: the customer is found again by it).</summary>
    public string Email { get; set; } = "Email";
    /// <summary>Last name (required: a Lead without one is skipped).</summary>
    public string LastName { get; set; } = "LastName";
    /// <summary>Company (required: a Lead without one is skipped).</summary>
    public string Company { get; set; } = "Company";
    /// <summary>Customer metadata key carrying the Lead id (the forward direction reads the same key).</summary>
    public string LeadIdMetadataKey { get; set; } = "salesforce_lead_id";

    /// <summary>
    /// Stripe customer field ← Lead fields (several, space-separated, are joined with a space). Keys:
    /// <c>email</c>, <c>name</c>, <c>phone</c>, <c>business_name</c>, <c>individual_name</c>,
    /// <c>description</c> or <c>metadata.&lt;key&gt;</c>; an empty value drops a default.
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal)
    {
        ["email"] = "Email",
        ["name"] = "FirstName LastName",
        ["phone"] = "Phone",
        ["business_name"] = "Company",
    };
}
