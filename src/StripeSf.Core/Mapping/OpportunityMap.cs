namespace StripeSf.Core.Mapping;

/// <summary>Opportunity API names and stage values.</summary>
public sealed class OpportunityMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Opportunity";
    /// <summary>External id: the Stripe subscription id.</summary>
    public string ExternalId { get; set; } = "Stripe_Subscription_Id__c";
    /// <summary>External id of renewal opportunities: subscription id + ":" + the end date of the term renewed (see <see cref="Renewals.RenewalKey"/>).</summary>
    public string RenewalKey { get; set; } = "Stripe_Renewal_Key__c";
    /// <summary>Name.</summary>
    public string Name { get; set; } = "Name";
    /// <summary>Stage.</summary>
    public string StageName { get; set; } = "StageName";
    /// <summary>Amount.</summary>
    public string Amount { get; set; } = "Amount";
    /// <summary>Close date.</summary>
    public string CloseDate { get; set; } = "CloseDate";
    /// <summary>MRR.</summary>
    public string Mrr { get; set; } = "MRR__c";
    /// <summary>ARR (the ACV of a subscription).</summary>
    public string Arr { get; set; } = "ARR__c";
    /// <summary>Created time of the last event applied (stale guard).</summary>
    public string LastEventAt { get; set; } = "Stripe_Last_Event_At__c";
    /// <summary>Loss reason (cancellation reason).</summary>
    public string LossReason { get; set; } = "Description";
    /// <summary>
    /// Created time of the last subscription event that wrote the loss-reason note (its own stale guard:
    /// only some events write a note, so it cannot share the guard of the fields every event writes).
    /// </summary>
    public string NoteEventAt { get; set; } = "Stripe_Note_Event_At__c";
    /// <summary>Opportunity type field.</summary>
    public string Type { get; set; } = "Type";
    /// <summary>Lookup to the Account.</summary>
    public string AccountRelationship { get; set; } = "Account";
    /// <summary>Stage: won.</summary>
    public string StageClosedWon { get; set; } = "Closed Won";
    /// <summary>Stage: lost.</summary>
    public string StageClosedLost { get; set; } = "Closed Lost";
    /// <summary>Stage: open (trials, expansions, renewals).</summary>
    public string StageOpen { get; set; } = "Prospecting";
    /// <summary>Type value of expansion opportunities.</summary>
    public string TypeExpansion { get; set; } = "Existing Customer - Upgrade";
    /// <summary>Type value of renewal opportunities.</summary>
    public string TypeRenewal { get; set; } = "Existing Customer - Replacement";
    /// <summary>Type value of new business.</summary>
    public string TypeNewBusiness { get; set; } = "New Customer";
}
