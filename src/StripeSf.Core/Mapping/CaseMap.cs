namespace StripeSf.Core.Mapping;

/// <summary>Case API names and values.</summary>
public sealed class CaseMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Case";
    /// <summary>External id: dispute id, or reconciliation run date.</summary>
    public string ExternalId { get; set; } = "Stripe_Case_Key__c";
    /// <summary>Subject.</summary>
    public string Subject { get; set; } = "Subject";
    /// <summary>Priority.</summary>
    public string Priority { get; set; } = "Priority";
    /// <summary>Status.</summary>
    public string Status { get; set; } = "Status";
    /// <summary>Description.</summary>
    public string Description { get; set; } = "Description";
    /// <summary>Created time of the last dispute event applied (stale guard of Subject, Priority and Description).</summary>
    public string LastEventAt { get; set; } = "Stripe_Last_Event_At__c";
    /// <summary>Lookup to the Account.</summary>
    public string AccountRelationship { get; set; } = "Account";
    /// <summary>Status value of open cases.</summary>
    public string StatusNew { get; set; } = "New";
    /// <summary>Status value of closed cases.</summary>
    public string StatusClosed { get; set; } = "Closed";
    /// <summary>Priority value for disputes.</summary>
    public string PriorityHigh { get; set; } = "High";
}
