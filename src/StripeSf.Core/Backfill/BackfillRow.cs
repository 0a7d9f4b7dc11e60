namespace StripeSf.Core.Backfill;

/// <summary>
/// One record a backfill writes: the upsert of a flow's subrequest (<see cref="Role"/> is its
/// reference id, e.g. <c>account</c>, <c>contact</c>) as Bulk API CSV cells, keyed by the external id.
/// Rows of one role go in one job, so every field group keeps its own stale guard.
/// </summary>
public sealed record BackfillRow(string Role, string SObject, string ExternalIdField, string ExternalId, IReadOnlyDictionary<string, string> Cells);
