namespace StripeSf.Core.Backfill;

/// <summary>
/// One record a backfill writes: the upsert of a flow's subrequest (<see cref="Role"/> is its
/// reference id, e.g. <c>account</c>, <c>contact</c>) as Bulk API CSV cells, keyed by the external id.
/// Rows of one role go in one job, so every field group keeps its own stale guard.
/// <see cref="Rollup"/>: a group of the customer's Account written by a child object (a charge's last
/// payment, an invoice's billing status…), which the newest object of the customer wins
/// (<see cref="BackfillRollups"/>) and which carries the run's start as its guard.
/// </summary>
public sealed record BackfillRow(string Role, string SObject, string ExternalIdField, string ExternalId, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>An Account roll-up group written by a child object.</summary>
    public bool Rollup { get; init; }
}
