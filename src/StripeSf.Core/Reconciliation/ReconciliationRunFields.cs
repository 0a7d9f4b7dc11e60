namespace StripeSf.Core.Reconciliation;

/// <summary>
/// API names of <c>Stripe_Reconciliation_Run__c</c> as shipped in infra/salesforce (the object is
/// the product's own, so it is not remapped). <c>Total_Discrepancies__c</c> is a formula and never written.
/// </summary>
public static class ReconciliationRunFields
{
    /// <summary>sObject.</summary>
    public const string Object = "Stripe_Reconciliation_Run__c";
    /// <summary>External id: the window start date (yyyy-MM-dd).</summary>
    public const string RunKey = "Run_Key__c";
    /// <summary>Record name (Text 80).</summary>
    public const string Name = "Name";
    /// <summary>Window start (DateTime).</summary>
    public const string WindowStart = "Window_Start__c";
    /// <summary>Window end, exclusive (DateTime).</summary>
    public const string WindowEnd = "Window_End__c";
    /// <summary>Running, Completed, Failed.</summary>
    public const string Status = "Status__c";
    /// <summary>Objects compared.</summary>
    public const string RecordsChecked = "Records_Checked__c";
    /// <summary>Objects re-enqueued (or processed) by repair.</summary>
    public const string ReenqueuedCount = "Reenqueued_Count__c";
    /// <summary>Stripe events created before this instant were sent through processing by the run's gap-fill (DateTime; empty when the run did not gap-fill).</summary>
    public const string GapFillThrough = "Gap_Fill_Through__c";
    /// <summary>Status value.</summary>
    public const string StatusCompleted = "Completed";
    /// <summary>Status value.</summary>
    public const string StatusFailed = "Failed";

    /// <summary>The count field of a class (e.g. <c>Amount_Mismatch_Count__c</c>).</summary>
    public static string Count(DiscrepancyKind kind) => Prefix(kind) + "_Count__c";

    /// <summary>The amount field of a class (e.g. <c>Orphan_Amount__c</c>).</summary>
    public static string Amount(DiscrepancyKind kind) => Prefix(kind) + "_Amount__c";

    private static string Prefix(DiscrepancyKind kind) => kind switch
    {
        DiscrepancyKind.Missing => "Missing",
        DiscrepancyKind.AmountMismatch => "Amount_Mismatch",
        DiscrepancyKind.StatusMismatch => "Status_Mismatch",
        DiscrepancyKind.Orphan => "Orphan",
        DiscrepancyKind.ClosedWonWithoutPayment => "Closed_Won_Without_Payment",
        DiscrepancyKind.RevenueWithoutOpportunity => "Revenue_Without_Opportunity",
        _ => "Opportunity_Amount_Mismatch",
    };
}
