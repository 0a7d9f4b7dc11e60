namespace StripeSf.Core.Notifications;

/// <summary>What happened, as a notification rule names it (<c>Notifications__Rules__0__Event</c>).</summary>
public enum NotificationClass
{
    /// <summary><c>invoice.payment_failed</c>: a payment failed; the invoice is retried or goes unpaid.</summary>
    PaymentFailed,
    /// <summary><c>charge.dispute.created</c>: a customer disputed a charge.</summary>
    DisputeOpened,
    /// <summary><c>charge.dispute.closed</c> with status lost.</summary>
    DisputeLost,
    /// <summary><c>customer.subscription.deleted</c>, or an update that schedules the cancellation.</summary>
    Cancellation,
    /// <summary>An update that raised MRR by at least <c>Mapping__ExpansionThresholdMrr</c>.</summary>
    Expansion,
    /// <summary><c>customer.subscription.trial_will_end</c>.</summary>
    TrialEnding,
    /// <summary>The nightly reconciliation found Stripe and Salesforce disagreeing (not yet sent, see README).</summary>
    ReconciliationDiscrepancy,
    /// <summary>An event was dead-lettered: a person has to look at it.</summary>
    EventDeadLettered,
    /// <summary>Salesforce API usage is above its threshold (not yet sent, see README).</summary>
    ApiUsageAboveThreshold,
}
