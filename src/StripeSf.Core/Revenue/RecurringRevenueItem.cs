namespace StripeSf.Core.Revenue;

/// <summary>
/// One subscription item's share of recurring revenue. Amounts are major units rounded to the
/// currency's precision for display; the subscription totals in <see cref="RecurringRevenue"/> are
/// computed from unrounded figures, so item amounts may not add up to them to the last cent.
/// </summary>
public sealed record RecurringRevenueItem
{
    /// <summary>Subscription item id (<c>si_…</c>).</summary>
    public required string? ItemId { get; init; }

    /// <summary>Price id (<c>price_…</c>), or the legacy plan id.</summary>
    public required string? PriceId { get; init; }

    /// <summary>Product id (<c>prod_…</c>).</summary>
    public required string? ProductId { get; init; }

    /// <summary>Price nickname, else the expanded product's name; null when neither is in the payload.</summary>
    public required string? Name { get; init; }

    /// <summary>Upper-case ISO code of the item's price, as Stripe sent it.</summary>
    public required string? Currency { get; init; }

    /// <summary>Item quantity as sent (before <c>transform_quantity</c>).</summary>
    public required long Quantity { get; init; }

    /// <summary>Stripe interval: day, week, month or year.</summary>
    public required string? Interval { get; init; }

    /// <summary>Number of intervals per billing period.</summary>
    public required long IntervalCount { get; init; }

    /// <summary><c>licensed</c> or <c>metered</c>.</summary>
    public required string UsageType { get; init; }

    /// <summary>Amount billed per billing period before discounts.</summary>
    public required decimal PeriodAmount { get; init; }

    /// <summary>Monthly equivalent before any discount.</summary>
    public required decimal GrossMonthlyAmount { get; init; }

    /// <summary>Monthly equivalent after item-level discounts (subscription-level ones apply to the total).</summary>
    public required decimal NetMonthlyAmount { get; init; }

    /// <summary>False when the item is left out of MRR (metered, unpriceable, other currency).</summary>
    public required bool Included { get; init; }

    /// <summary>Why the item is excluded or approximated; null when it is priced exactly.</summary>
    public required string? Note { get; init; }
}
