namespace StripeSf.Core.Leads;

/// <summary>The values of the Lead's sync status picklist (<c>Stripe_Sync_Status__c</c>).</summary>
public static class LeadSyncStatus
{
    /// <summary>The Lead is a Stripe customer with the Lead's current values.</summary>
    public const string Synced = "Synced";

    /// <summary>The Lead's data cannot make a customer (the reason is on the Lead); retried when it changes.</summary>
    public const string Skipped = "Skipped";

    /// <summary>Stripe refused the customer (its message is on the Lead); retried when the Lead changes.</summary>
    public const string Error = "Error";
}
