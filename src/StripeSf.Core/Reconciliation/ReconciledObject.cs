namespace StripeSf.Core.Reconciliation;

/// <summary>
/// One object as one side sees it: amount in major units (charges: amount; invoices: amount paid;
/// refunds and lost disputes: negative, as Salesforce records them; subscriptions: ACV; Opportunities:
/// Amount), upper-case currency, status and the time it counts in a window (paid at; an
/// Opportunity's close date). <see cref="RecordId"/> is the Salesforce record's Id when known.
/// </summary>
public sealed record ReconciledObject(string Id, ReconciledObjectType Type, decimal Amount, string Currency, string Status, DateTimeOffset? PaidAt)
{
    /// <summary>The Salesforce record Id (Salesforce side only).</summary>
    public string? RecordId { get; init; }
}
