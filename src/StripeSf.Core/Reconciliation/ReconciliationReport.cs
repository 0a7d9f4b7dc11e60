using System.Globalization;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// The outcome of one run: every discrepancy (the report and the Case list the first
/// <c>MaxListedDiscrepancies</c>), counts and amounts per class, and the totals each side holds
/// for the window per currency.
/// </summary>
public sealed record ReconciliationReport(
    ReconciliationWindow Window,
    int RecordsChecked,
    IReadOnlyList<Discrepancy> Discrepancies,
    IReadOnlyDictionary<string, decimal> StripeTotals,
    IReadOnlyDictionary<string, decimal> SalesforceTotals)
{
    /// <summary>Problems besides discrepancies that need a person: the Stripe webhook endpoint, gap-filled events that failed. Each makes the run file a Case.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The run's gap-fill, when it did one.</summary>
    public Healing.GapFillResult? GapFill { get; init; }

    /// <summary>Objects whose event was re-enqueued (or processed, from the CLI).</summary>
    public int Reenqueued => Discrepancies.Count(d => d.Repaired);

    /// <summary>Discrepancies that repair did not resolve.</summary>
    public IReadOnlyList<Discrepancy> Remaining => [.. Discrepancies.Where(d => !d.Repaired)];

    /// <summary>Discrepancies of one class.</summary>
    public int Count(DiscrepancyKind kind) => Discrepancies.Count(d => d.Kind == kind);

    /// <summary>
    /// The class's amount in major units. Amounts in different currencies are added as numbers
    /// (the run record has one Currency field per class); the per-currency totals are in the report.
    /// </summary>
    public decimal Amount(DiscrepancyKind kind) => Discrepancies.Where(d => d.Kind == kind).Sum(d => d.Amount);

    /// <summary>One line per class, then one per listed discrepancy, then the totals.</summary>
    public IEnumerable<string> Lines(int maxListed)
    {
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Reconciliation {Window.RunKey}: window {Stamp(Window.Start)} to {Stamp(Window.End)}, {RecordsChecked} records checked, {Discrepancies.Count} discrepancies, {Reenqueued} repaired");
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
            yield return string.Create(CultureInfo.InvariantCulture, $"  {kind,-15} {Count(kind),6} {Amount(kind),16:0.00#}");
        }

        foreach (var discrepancy in Discrepancies.Take(maxListed))
        {
            yield return "  - " + discrepancy.Describe();
        }

        if (Discrepancies.Count > maxListed)
        {
            yield return $"  … and {Discrepancies.Count - maxListed} more";
        }

        yield return $"  Stripe totals: {Totals(StripeTotals)}; Salesforce totals: {Totals(SalesforceTotals)}";
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Totals(IReadOnlyDictionary<string, decimal> totals) =>
        totals.Count == 0 ? "none" : string.Join(", ", totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value:0.###} {t.Key}")));
}
