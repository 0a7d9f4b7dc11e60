namespace StripeSf.Core.Mapping;

/// <summary>Invoice API names.</summary>
public sealed class InvoiceMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Stripe_Invoice__c";
    /// <summary>External id: the in_ id.</summary>
    public string ExternalId { get; set; } = "Stripe_Invoice_Id__c";
    /// <summary>Master-detail to Account, as a relationship name.</summary>
    public string AccountRelationship { get; set; } = "Account__r";
    /// <summary>Invoice number.</summary>
    public string Number { get; set; } = "Number__c";
    /// <summary>Stripe status.</summary>
    public string Status { get; set; } = "Status__c";
    /// <summary>Amount due.</summary>
    public string AmountDue { get; set; } = "Amount_Due__c";
    /// <summary>Amount paid.</summary>
    public string AmountPaid { get; set; } = "Amount_Paid__c";
    /// <summary>ISO currency.</summary>
    public string Currency { get; set; } = "Currency__c";
    /// <summary>Period start.</summary>
    public string PeriodStart { get; set; } = "Period_Start__c";
    /// <summary>Period end.</summary>
    public string PeriodEnd { get; set; } = "Period_End__c";
    /// <summary>Subscription id.</summary>
    public string SubscriptionId { get; set; } = "Subscription_Id__c";
    /// <summary>Payment attempts so far.</summary>
    public string AttemptCount { get; set; } = "Attempt_Count__c";
    /// <summary>Next automatic payment attempt.</summary>
    public string NextPaymentAttempt { get; set; } = "Next_Payment_Attempt__c";
    /// <summary>Hosted invoice page.</summary>
    public string HostedInvoiceUrl { get; set; } = "Hosted_Invoice_Url__c";
    /// <summary>When it was paid.</summary>
    public string PaidAt { get; set; } = "Paid_At__c";
    /// <summary>Created time of the last event applied (stale guard).</summary>
    public string LastEventAt { get; set; } = "Stripe_Last_Event_At__c";
}
