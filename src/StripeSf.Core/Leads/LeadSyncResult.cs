namespace StripeSf.Core.Leads;

/// <summary>
/// A run's summary: the counts, the Leads that did not sync and why, where the watermark stands
/// (and whether it moved), why the run stopped early (rate limited), whether Leads remain past
/// <c>LeadSync__MaxLeadsPerRun</c>, and Stripe retries taken.
/// </summary>
public sealed record LeadSyncResult(
    LeadSyncCounts Counts,
    IReadOnlyList<LeadProblem> Problems,
    DateTimeOffset From,
    LeadWatermark? Watermark,
    bool WatermarkSaved,
    string? StoppedBecause,
    bool DryRun,
    int StripeRetries,
    bool MoreToRead = false);
