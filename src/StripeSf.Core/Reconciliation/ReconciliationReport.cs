using System.Globalization;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// The outcome of one run: counts and amounts per class (<see cref="Tally"/>, every discrepancy),
/// the first <c>MaxListedDiscrepancies</c> discrepancies (<see cref="Discrepancies"/>), every
/// discrepancy as report entries (<see cref="Entries"/>, spooled to disk) and the totals each side
/// holds for the window per currency (charges and invoices).
/// </summary>
public sealed record ReconciliationReport(
    ReconciliationWindow Window,
    int RecordsChecked,
    IReadOnlyList<Discrepancy> Discrepancies,
    IReadOnlyDictionary<string, decimal> StripeTotals,
    IReadOnlyDictionary<string, decimal> SalesforceTotals) : IDisposable
{
    private readonly IReadOnlyDictionary<DiscrepancyKind, (int Count, decimal Amount)>? _tally;

    /// <summary>Count and amount per class, of every discrepancy (listed or not); by default those of <see cref="Discrepancies"/>.</summary>
    public IReadOnlyDictionary<DiscrepancyKind, (int Count, decimal Amount)> Tally
    {
        get => _tally ?? Discrepancies.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(d => d.Amount)));
        init => _tally = value;
    }

    /// <summary>Every discrepancy as a report entry (read by <see cref="ReconciliationReportFile"/>); null for a report built by hand.</summary>
    public DiscrepancyLog? Entries { get; init; }

    /// <summary>Problems besides discrepancies that need a person: the Stripe webhook endpoint, gap-filled events that failed. Each makes the run file a Case.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The run's gap-fill, when it did one.</summary>
    public Healing.GapFillResult? GapFill { get; init; }

    /// <summary>Discrepancies found, listed or not.</summary>
    public int DiscrepancyCount => Tally.Values.Sum(t => t.Count);

    /// <summary>The amounts of every class added as numbers (major units).</summary>
    public decimal DiscrepancyAmount => Tally.Values.Sum(t => t.Amount);

    private readonly int? _reenqueued;

    /// <summary>Objects whose event was re-enqueued (or processed, from the CLI); by default the repaired ones of <see cref="Discrepancies"/>.</summary>
    public int Reenqueued
    {
        get => _reenqueued ?? Discrepancies.Count(d => d.Repaired);
        init => _reenqueued = value;
    }

    /// <summary>Discrepancies that repair did not resolve (all of them, listed or not).</summary>
    public int RemainingCount => DiscrepancyCount - Reenqueued;

    /// <summary>Listed discrepancies that repair did not resolve.</summary>
    public IReadOnlyList<Discrepancy> Remaining => [.. Discrepancies.Where(d => !d.Repaired)];

    /// <summary>Discrepancies of one class.</summary>
    public int Count(DiscrepancyKind kind) => Tally.GetValueOrDefault(kind).Count;

    /// <summary>
    /// The class's amount in major units. Amounts in different currencies are added as numbers
    /// (the run record has one Currency field per class); the per-currency totals are in the report.
    /// </summary>
    public decimal Amount(DiscrepancyKind kind) => Tally.GetValueOrDefault(kind).Amount;

    /// <summary>One line per class, then one per listed discrepancy, then the totals.</summary>
    public IEnumerable<string> Lines(int maxListed)
    {
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Reconciliation {Window.RunKey}: window {Stamp(Window.Start)} to {Stamp(Window.End)}, {RecordsChecked} records checked, {DiscrepancyCount} discrepancies, {Reenqueued} repaired");
        if (GapFill is not null)
        {
            yield return "  " + GapFill.Summary();
        }

        foreach (var warning in Warnings)
        {
            yield return "  ! " + warning;
        }

        foreach (var kind in Enum.GetValues<DiscrepancyKind>())
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"  {kind,-25} {Count(kind),6} {Amount(kind),16:0.00#}");
        }

        var shown = Math.Min(maxListed, Discrepancies.Count);
        foreach (var discrepancy in Discrepancies.Take(shown))
        {
            yield return "  - " + discrepancy.Describe();
        }

        if (DiscrepancyCount > shown)
        {
            yield return $"  … and {DiscrepancyCount - shown} more";
        }

        yield return $"  Stripe totals: {Totals(StripeTotals)}; Salesforce totals: {Totals(SalesforceTotals)}";
    }

    /// <summary>Deletes the spool of <see cref="Entries"/> (counts and listed discrepancies stay).</summary>
    public void Dispose() => Entries?.Dispose();

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Totals(IReadOnlyDictionary<string, decimal> totals) =>
        totals.Count == 0 ? "none" : string.Join(", ", totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value:0.###} {t.Key}")));
}
