namespace StripeSf.Core.Reconciliation;

/// <summary>
/// One charge or invoice as one side sees it: amount in major units (charges: amount; invoices:
/// amount paid), upper-case currency, status and the time it counts in a window (paid at).
/// </summary>
public sealed record ReconciledObject(string Id, ReconciledObjectType Type, decimal Amount, string Currency, string Status, DateTimeOffset? PaidAt);
