namespace StripeSf.Core.Backfill;

/// <summary>A Bulk job opened for the chunk in flight; <see cref="Closed"/> once its upload completed.</summary>
public sealed record BackfillOpenJob(string Id, string SObject, bool Closed);
