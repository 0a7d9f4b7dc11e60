namespace StripeSf.Core.Revenue;

/// <summary>
/// A subscription's normalised recurring revenue, ready for Salesforce: MRR/ARR in major units of
/// <see cref="Currency"/>, rounded once to the currency's precision.
/// </summary>
public sealed record RecurringRevenue
{
    /// <summary>Stripe subscription id.</summary>
    public required string? SubscriptionId { get; init; }

    /// <summary>Stripe subscription status as sent.</summary>
    public required string? Status { get; init; }

    /// <summary>Monthly recurring revenue; 0 when the status does not count (trialing, canceled, paused, …).</summary>
    public required decimal Mrr { get; init; }

    /// <summary>
    /// Annual recurring revenue: 12 × the unrounded MRR, then rounded, so a 1000/year plan shows
    /// 1000.00 rather than 12 × 83.33 = 999.96.
    /// </summary>
    public required decimal Arr { get; init; }

    /// <summary>What MRR would be if the status counted (e.g. a trial's MRR after conversion).</summary>
    public required decimal PotentialMrr { get; init; }

    /// <summary>Potential MRR before any discount, for discount reporting.</summary>
    public required decimal MrrBeforeDiscounts { get; init; }

    /// <summary>True when the status counts toward MRR (active, past_due, unpaid).</summary>
    public required bool CountsTowardMrr { get; init; }

    /// <summary>Upper-case ISO 4217 code for Salesforce's <c>CurrencyIsoCode</c>; null when no item has a price.</summary>
    public required string? Currency { get; init; }

    /// <summary>Plan name for Salesforce: item names joined with " + "; null when none is in the payload.</summary>
    public required string? PlanName { get; init; }

    /// <summary>"Monthly", "Yearly", "Weekly", "Daily", "Every 3 months", or "Mixed".</summary>
    public required string? PlanInterval { get; init; }

    /// <summary>Per-item breakdown, in the subscription's item order.</summary>
    public required IReadOnlyList<RecurringRevenueItem> Items { get; init; }

    /// <summary>True when some item has usage-based (metered) pricing, which MRR leaves out.</summary>
    public required bool ExcludesUsageBasedRevenue { get; init; }

    /// <summary>
    /// True when the payload lacked something needed for an exact figure (unexpanded discount or tiers,
    /// mixed currencies, unknown status, …); <see cref="Notes"/> says what.
    /// </summary>
    public required bool IsApproximate { get; init; }

    /// <summary>Human-readable notes on what was excluded, ignored or approximated, and why.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
