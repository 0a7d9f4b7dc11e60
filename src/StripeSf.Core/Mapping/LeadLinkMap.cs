namespace StripeSf.Core.Mapping;

/// <summary>
/// Lead API names the forward flow uses for a Stripe customer whose metadata names a Lead
/// (<c>salesforce_lead_id</c>, written by the Lead → Stripe sync). The forward flow writes only
/// <see cref="ExternalId"/> and <see cref="CustomerEventAt"/>: never a field the reverse sync sends to Stripe.
/// </summary>
public sealed class LeadLinkMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Lead";

    /// <summary>The Stripe customer id on the Lead (the reverse sync writes it too, with the same value).</summary>
    public string ExternalId { get; set; } = "Stripe_Customer_Id__c";

    /// <summary>Created time of the last customer event applied to the Lead (stale guard of the Lead's Stripe fields).</summary>
    public string CustomerEventAt { get; set; } = "Stripe_Customer_Event_At__c";

    /// <summary>Set by lead conversion.</summary>
    public string IsConverted { get; set; } = "IsConverted";

    /// <summary>The Account a converted Lead became (a lookup: the relationship is the name without <c>Id</c>).</summary>
    public string ConvertedAccountId { get; set; } = "ConvertedAccountId";

    /// <summary>The Contact a converted Lead became.</summary>
    public string ConvertedContactId { get; set; } = "ConvertedContactId";
}
