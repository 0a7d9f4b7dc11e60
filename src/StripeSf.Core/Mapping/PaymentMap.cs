namespace StripeSf.Core.Mapping;

/// <summary>Payment entry (charges, refunds, disputes as signed amounts) API names.</summary>
public sealed class PaymentMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Stripe_Payment__c";
    /// <summary>External id: ch_, re_ or du_ id.</summary>
    public string ExternalId { get; set; } = "Stripe_Payment_Id__c";
    /// <summary>Master-detail to Account, as a relationship name (set by the Account's external id).</summary>
    public string AccountRelationship { get; set; } = "Account__r";
    /// <summary>Type picklist.</summary>
    public string Type { get; set; } = "Type__c";
    /// <summary>Signed amount.</summary>
    public string Amount { get; set; } = "Amount__c";
    /// <summary>ISO currency.</summary>
    public string Currency { get; set; } = "Currency__c";
    /// <summary>Stripe status.</summary>
    public string Status { get; set; } = "Status__c";
    /// <summary>When it was paid.</summary>
    public string PaidAt { get; set; } = "Paid_At__c";
    /// <summary>The charge id.</summary>
    public string ChargeId { get; set; } = "Charge_Id__c";
    /// <summary>The invoice id.</summary>
    public string InvoiceId { get; set; } = "Invoice_Id__c";
    /// <summary>Card brand (never the number).</summary>
    public string CardBrand { get; set; } = "Card_Brand__c";
    /// <summary>Card last 4 (never the number).</summary>
    public string CardLast4 { get; set; } = "Card_Last4__c";
    /// <summary>Created time of the last event applied (stale guard).</summary>
    public string LastEventAt { get; set; } = "Stripe_Last_Event_At__c";
    /// <summary>Type value.</summary>
    public string TypeCharge { get; set; } = "Charge";
    /// <summary>Type value.</summary>
    public string TypeRefund { get; set; } = "Refund";
    /// <summary>Type value.</summary>
    public string TypeDispute { get; set; } = "Dispute";
}
