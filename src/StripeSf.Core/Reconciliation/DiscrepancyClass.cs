namespace StripeSf.Core.Reconciliation;

/// <summary>The snake_case class names of the report file (<c>stripesf reconcile --report</c> and the Case attachment).</summary>
public static class DiscrepancyClass
{
    /// <summary>The report name of <paramref name="kind"/>, e.g. <c>missing_in_salesforce</c>.</summary>
    public static string Name(DiscrepancyKind kind) => kind switch
    {
        DiscrepancyKind.Missing => "missing_in_salesforce",
        DiscrepancyKind.AmountMismatch => "amount_mismatch",
        DiscrepancyKind.StatusMismatch => "status_mismatch",
        DiscrepancyKind.Orphan => "orphan_in_salesforce",
        DiscrepancyKind.ClosedWonWithoutPayment => "closed_won_without_payment",
        DiscrepancyKind.RevenueWithoutOpportunity => "revenue_without_opportunity",
        DiscrepancyKind.OpportunityAmountMismatch => "opportunity_amount_mismatch",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no report name"),
    };
}
