namespace StripeSf.Core.Backfill;

/// <summary>A finished (or dry) backfill: counts per object type, the refused rows, and in a dry run a sample of the rows it would write.</summary>
public sealed record BackfillResult(IReadOnlyDictionary<string, BackfillTally> Tallies, IReadOnlyList<BackfillFailure> Failures, IReadOnlyList<BackfillRow> Sample, int BulkJobs);
