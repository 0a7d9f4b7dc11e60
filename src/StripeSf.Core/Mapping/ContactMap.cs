namespace StripeSf.Core.Mapping;

/// <summary>Contact API names.</summary>
public sealed class ContactMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Contact";
    /// <summary>External id: the Stripe customer id.</summary>
    public string ExternalId { get; set; } = "Stripe_Customer_Id__c";
    /// <summary>Email.</summary>
    public string Email { get; set; } = "Email";
    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "FirstName";
    /// <summary>Last name (required by Salesforce).</summary>
    public string LastName { get; set; } = "LastName";
    /// <summary>Phone.</summary>
    public string Phone { get; set; } = "Phone";
    /// <summary>Created time of the last customer event applied to the Contact (stale guard).</summary>
    public string CustomerEventAt { get; set; } = "Stripe_Customer_Event_At__c";
    /// <summary>Created time of the last customer event that stated the email (its own guard: an event without an email leaves it alone).</summary>
    public string EmailEventAt { get; set; } = "Stripe_Email_Event_At__c";
    /// <summary>Created time of the last customer event that stated the phone (its own guard: an event without a phone leaves it alone).</summary>
    public string PhoneEventAt { get; set; } = "Stripe_Phone_Event_At__c";
    /// <summary>Why the Contact is linked to its Stripe customer (picklist, see <see cref="Matching.MatchReason"/>), written when the link is made.</summary>
    public string MatchReason { get; set; } = "Match_Reason__c";

    /// <summary>Lookup to the Account.</summary>
    public string AccountRelationship { get; set; } = "Account";
}
