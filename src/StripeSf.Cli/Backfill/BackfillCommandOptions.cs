namespace StripeSf.Cli.Backfill;

/// <summary>The options of <c>stripesf backfill</c>, as given on the command line.</summary>
public sealed record BackfillCommandOptions(string? Since, string Objects, bool DryRun, bool Resume, string CheckpointPath, string FailedRowsPath, int ChunkSize = 50_000);
