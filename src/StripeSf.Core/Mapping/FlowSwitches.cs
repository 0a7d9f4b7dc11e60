namespace StripeSf.Core.Mapping;

/// <summary>Flows on/off (<c>Mapping__Flows__*</c>). A flow switched off completes its events with nothing to write.</summary>
public sealed class FlowSwitches
{
    /// <summary>customer.* → Account + Contact.</summary>
    public bool Customers { get; set; } = true;
    /// <summary>charge.* / payment_intent.succeeded → payment entries.</summary>
    public bool Payments { get; set; } = true;
    /// <summary>charge.dispute.* → Case and negative entry.</summary>
    public bool Disputes { get; set; } = true;
    /// <summary>customer.subscription.* → Account subscription fields and Opportunity.</summary>
    public bool Subscriptions { get; set; } = true;
    /// <summary>Closing an existing Opportunity named in metadata, and creating the Contract.</summary>
    public bool DealClosing { get; set; } = true;
    /// <summary>invoice.* → invoice records and billing status.</summary>
    public bool Invoices { get; set; } = true;
    /// <summary>invoice.payment_failed → high-priority Task for the Account owner.</summary>
    public bool FailedPaymentTasks { get; set; } = true;
}
