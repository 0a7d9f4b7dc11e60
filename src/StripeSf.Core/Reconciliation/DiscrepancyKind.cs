namespace StripeSf.Core.Reconciliation;

/// <summary>How a Stripe object and its Salesforce record disagree (report names: <see cref="DiscrepancyClass"/>).</summary>
public enum DiscrepancyKind
{
    /// <summary>Paid (charges, invoices), refunded or lost (disputes) in Stripe in the window, no Salesforce record.</summary>
    Missing,

    /// <summary>Both exist; the amounts (in major units) or currencies differ.</summary>
    AmountMismatch,

    /// <summary>Both exist; the status differs (e.g. Stripe paid, Salesforce open).</summary>
    StatusMismatch,

    /// <summary>A Salesforce record for the window whose Stripe object does not exist.</summary>
    Orphan,

    /// <summary>A Closed Won Opportunity linked to a subscription or customer that shows no payment in Stripe within the grace period after its close date.</summary>
    ClosedWonWithoutPayment,

    /// <summary>A subscription that collected money in the window with no Opportunity.</summary>
    RevenueWithoutOpportunity,

    /// <summary>The Opportunity's Amount (ACV) differs from the subscription's ACV in Stripe.</summary>
    OpportunityAmountMismatch,
}
