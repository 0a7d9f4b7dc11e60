namespace StripeSf.Core.Backfill;

/// <summary>Counts of one object type: Stripe objects read, and Salesforce rows created, updated, skipped as stale (newer live data won) and failed.</summary>
public sealed class BackfillTally
{
    /// <summary>Stripe objects read.</summary>
    public long Read { get; set; }

    /// <summary>Stripe objects no webhook flow writes (a draft invoice, a charge without a customer…).</summary>
    public long Skipped { get; set; }

    /// <summary>Rows that created a record.</summary>
    public long Created { get; set; }

    /// <summary>Rows that updated a record.</summary>
    public long Updated { get; set; }

    /// <summary>Rows refused by a stale guard: Salesforce holds data newer than the read.</summary>
    public long Stale { get; set; }

    /// <summary>Rows Salesforce refused for another reason (written to the failed-rows CSV).</summary>
    public long Failed { get; set; }

    /// <summary>Rows per Salesforce object (the dry run's "would write").</summary>
    public Dictionary<string, long> Rows { get; } = new(StringComparer.Ordinal);
}
