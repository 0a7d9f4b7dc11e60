namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>What a <c>customer.subscription.updated</c> event changed, as RevOps names it.</summary>
public enum SubscriptionChangeKind
{
    /// <summary>Nothing revenue-relevant (metadata, payment method, schedule…).</summary>
    Other,
    /// <summary>Different price(s) with a higher MRR.</summary>
    Upgrade,
    /// <summary>Different price(s) with a lower MRR.</summary>
    Downgrade,
    /// <summary>Different price(s), same MRR (e.g. monthly → yearly at the same rate).</summary>
    PlanChange,
    /// <summary>Same prices, different quantities.</summary>
    QuantityChange,
    /// <summary>Status became paused, or payment collection was paused.</summary>
    Pause,
    /// <summary>Status left paused, or payment collection resumed.</summary>
    Resume,
    /// <summary>trialing → active (or past_due: converted, first payment pending).</summary>
    TrialConversion,
    /// <summary>The current period moved on with nothing else changed.</summary>
    Renewal,
    /// <summary>cancel_at_period_end false → true, or a cancel_at date set.</summary>
    CancelAtPeriodEnd,
    /// <summary>A scheduled cancellation withdrawn.</summary>
    Reactivation,
    /// <summary>Any other status change (e.g. active → past_due).</summary>
    StatusChange,
}
