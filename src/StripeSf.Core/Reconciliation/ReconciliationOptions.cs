using System.ComponentModel.DataAnnotations;

namespace StripeSf.Core.Reconciliation;

/// <summary>Nightly reconciliation settings (<c>Reconciliation__*</c>).</summary>
public sealed class ReconciliationOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Reconciliation";

    /// <summary>Days the scheduled run covers, ending at today's UTC midnight (1: yesterday).</summary>
    [Range(1, 31)]
    public int WindowDays { get; set; } = 1;

    /// <summary>Whether the scheduled run re-enqueues the events of objects missing in Salesforce.</summary>
    public bool Repair { get; set; } = true;

    /// <summary>
    /// How far before the window an invoice paid in the window may have been created. Stripe lists
    /// invoices by creation only; dunning can pay an invoice weeks after it was created.
    /// </summary>
    [Range(0, 400)]
    public int InvoiceLookbackDays { get; set; } = 45;

    /// <summary>
    /// Days after an Opportunity's close date within which Stripe must show a payment of its
    /// subscription or customer; the run whose window holds the last day flags it (closed_won_without_payment).
    /// </summary>
    [Range(0, 365)]
    public int ClosedWonGraceDays { get; set; } = 14;

    /// <summary>Objects a run holds in memory per side before spilling a sorted run to a temporary file (tests lower it).</summary>
    internal int SpillRunSize { get; set; } = SortedSpill.DefaultRunSize;

    /// <summary>Discrepancies listed by id in the Case description and the CLI output (all are counted, and the report file lists all).</summary>
    [Range(1, 1000)]
    public int MaxListedDiscrepancies { get; set; } = 50;

    /// <summary>
    /// Whether the scheduled run first sends the routed Stripe events created since the last
    /// successful gap-fill to their queues, so events a webhook outage never delivered are processed.
    /// </summary>
    public bool GapFill { get; set; } = true;

    /// <summary>How far back a gap-fill looks when no run has recorded one yet (Stripe retries a failing endpoint for 3 days).</summary>
    [Range(1, 720)]
    public int GapFillFirstRunHours { get; set; } = 72;
}
