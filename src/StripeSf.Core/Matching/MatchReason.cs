namespace StripeSf.Core.Matching;

/// <summary>
/// Why a Salesforce record is linked to a Stripe customer: the values of the <c>Match_Reason__c</c>
/// picklist on Account and Contact, one per rung of the identity ladder. Written once, when the link
/// is made, so an admin can audit a link and undo it (clear the Stripe id and the reason).
/// </summary>
public static class MatchReason
{
    /// <summary>The record already carried the customer's Stripe id (set by hand, by lead conversion or by the Lead → Stripe sync).</summary>
    public const string StripeId = "stripe_id";

    /// <summary>The customer's metadata named the record (<c>salesforce_account_id</c>, <c>salesforce_contact_id</c>, or the converted records of <c>salesforce_lead_id</c>).</summary>
    public const string Metadata = "metadata";

    /// <summary>The only Contact (and its Account) with the customer's current email.</summary>
    public const string Email = "email";

    /// <summary>The only Contact (and its Account) with the email the customer had before this event.</summary>
    public const string PreviousEmail = "previous_email";

    /// <summary>Nothing matched (or the match was ambiguous): the integration created the record.</summary>
    public const string Created = "created";

    /// <summary>Every value, in ladder order.</summary>
    public static IReadOnlyList<string> All { get; } = [StripeId, Metadata, Email, PreviousEmail, Created];
}
