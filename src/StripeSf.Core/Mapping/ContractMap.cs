namespace StripeSf.Core.Mapping;

/// <summary>Contract API names.</summary>
public sealed class ContractMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Contract";
    /// <summary>External id: the Stripe subscription id.</summary>
    public string ExternalId { get; set; } = "Stripe_Subscription_Id__c";
    /// <summary>Start date.</summary>
    public string StartDate { get; set; } = "StartDate";
    /// <summary>Term in months.</summary>
    public string ContractTerm { get; set; } = "ContractTerm";
    /// <summary>Plan name.</summary>
    public string PlanName { get; set; } = "Plan_Name__c";
    /// <summary>Created time of the last event applied (stale guard: the subscription's event over the checkout session's).</summary>
    public string LastEventAt { get; set; } = "Stripe_Last_Event_At__c";
    /// <summary>Status.</summary>
    public string Status { get; set; } = "Status";
    /// <summary>Status value of new contracts (Salesforce only allows Draft on insert by default).</summary>
    public string StatusDraft { get; set; } = "Draft";
    /// <summary>Lookup to the Account.</summary>
    public string AccountRelationship { get; set; } = "Account";
}
