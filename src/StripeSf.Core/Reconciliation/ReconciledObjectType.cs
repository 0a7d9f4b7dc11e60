namespace StripeSf.Core.Reconciliation;

/// <summary>The Stripe objects reconciled.</summary>
public enum ReconciledObjectType
{
    /// <summary>A succeeded charge with a customer (Stripe_Payment__c of type Charge).</summary>
    Charge,

    /// <summary>A paid invoice (Stripe_Invoice__c).</summary>
    Invoice,
}
