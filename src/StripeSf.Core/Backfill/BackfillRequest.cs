namespace StripeSf.Core.Backfill;

/// <summary>
/// What to backfill: objects created since <see cref="Since"/> (null: all), of <see cref="Objects"/>
/// (written parents first whatever the order given), <see cref="ChunkSize"/> Stripe objects per
/// round of Bulk jobs, the checkpoint file, and whether to only read (<see cref="DryRun"/>) or go on
/// from the checkpoint (<see cref="Resume"/>); a dry run keeps the first <see cref="SampleSize"/> rows of each object type.
/// </summary>
public sealed record BackfillRequest(DateTimeOffset? Since, IReadOnlyList<string> Objects, string CheckpointPath, bool DryRun = false, bool Resume = false, int ChunkSize = 50_000, int SampleSize = 3);
