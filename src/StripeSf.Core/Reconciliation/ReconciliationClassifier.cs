namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Compares the two sides (pure; no I/O). Each object lands in at most one class, checked in
/// this order: missing, status mismatch, amount mismatch. Amounts are compared as decimals in
/// major units (after the currency exponent), so 5000 JPY equals 5000 and 4999 USD cents equals 49.99.
/// </summary>
public static class ReconciliationClassifier
{
    /// <summary>The status a charge or invoice reconciled in a window has (Salesforce records with another status agree with Stripe's list by not being in it).</summary>
    public static string ExpectedStatus(ReconciledObjectType type) => type == ReconciledObjectType.Charge ? "succeeded" : "paid";

    /// <summary>The discrepancy between <paramref name="stripe"/> and its record, or null when they agree.</summary>
    public static Discrepancy? Compare(ReconciledObject stripe, ReconciledObject? salesforce)
    {
        if (salesforce is null)
        {
            return new Discrepancy(DiscrepancyKind.Missing, stripe, null);
        }

        if (!string.Equals(stripe.Status, salesforce.Status, StringComparison.OrdinalIgnoreCase))
        {
            return new Discrepancy(DiscrepancyKind.StatusMismatch, stripe, salesforce);
        }

        return stripe.Amount != salesforce.Amount || !string.Equals(stripe.Currency, salesforce.Currency, StringComparison.OrdinalIgnoreCase)
            ? new Discrepancy(DiscrepancyKind.AmountMismatch, stripe, salesforce)
            : null;
    }

    /// <summary>
    /// An orphan candidate judged with what Stripe says about it by id: unknown → orphan; paid in
    /// the window after all → compared as usual; paid outside the window (an edge: its own
    /// window's run checks it) → nothing; not paid in Stripe → status mismatch.
    /// </summary>
    public static Discrepancy? ClassifyCandidate(ReconciledObject salesforce, ReconciledObject? stripe, ReconciliationWindow window)
    {
        if (stripe is null)
        {
            return new Discrepancy(DiscrepancyKind.Orphan, null, salesforce);
        }

        if (!string.Equals(stripe.Status, ExpectedStatus(stripe.Type), StringComparison.OrdinalIgnoreCase))
        {
            return new Discrepancy(DiscrepancyKind.StatusMismatch, stripe, salesforce);
        }

        return stripe.PaidAt is { } paidAt && window.Contains(paidAt) ? Compare(stripe, salesforce) : null;
    }

    /// <summary>
    /// A subscription's ACV against its Opportunity's Amount, at the currency's precision (Amount is
    /// a currency field); currencies compared only when the Opportunity has one (multi-currency orgs).
    /// </summary>
    public static Discrepancy? CompareAcv(ReconciledObject subscription, ReconciledObject opportunity)
    {
        var exponent = Revenue.CurrencyExponent.Of(subscription.Currency);
        var sameCurrency = opportunity.Currency.Length == 0 || string.Equals(subscription.Currency, opportunity.Currency, StringComparison.OrdinalIgnoreCase);
        return Math.Round(subscription.Amount, exponent, MidpointRounding.AwayFromZero) != Math.Round(opportunity.Amount, exponent, MidpointRounding.AwayFromZero) || !sameCurrency
            ? new Discrepancy(DiscrepancyKind.OpportunityAmountMismatch, subscription, opportunity)
            : null;
    }
}
