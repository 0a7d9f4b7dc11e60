namespace StripeSf.Testing.Scenarios;

/// <summary>What Salesforce must show for one customer after every event of the day is processed, in any order.</summary>
public sealed record CustomerExpectation(
    string CustomerId,
    string CompanyName,
    string Email,
    string SubscriptionId,
    string SubscriptionStatus,
    decimal Mrr,
    string BillingStatus,
    string ChargeId,
    decimal ChargeAmount,
    decimal RefundedAmount,
    string InvoiceId,
    string InvoiceStatus,
    bool HadFailedPayment);
