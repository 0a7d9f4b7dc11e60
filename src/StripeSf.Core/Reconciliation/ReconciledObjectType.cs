namespace StripeSf.Core.Reconciliation;

/// <summary>The Stripe objects reconciled.</summary>
public enum ReconciledObjectType
{
    /// <summary>A succeeded charge with a customer (Stripe_Payment__c of type Charge).</summary>
    Charge,

    /// <summary>A paid invoice (Stripe_Invoice__c).</summary>
    Invoice,

    /// <summary>A refund (Stripe_Payment__c of type Refund: one entry per re_ id, or the charge's cumulative <c>{charge}-refunds</c> entry).</summary>
    Refund,

    /// <summary>A closed dispute (Stripe_Payment__c of type Dispute, written when it is lost).</summary>
    Dispute,

    /// <summary>A subscription and its Opportunity (keyed by the subscription id).</summary>
    Subscription,

    /// <summary>A customer and a Closed Won Opportunity of its Account that names no subscription.</summary>
    Customer,
}
