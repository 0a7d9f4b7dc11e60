namespace StripeSf.Core.Revenue;

using Stripe;

/// <summary>
/// The pricing facts of one subscription item, read from its <c>price</c> or, for items rendered by
/// API versions that predate Prices, from its legacy <c>plan</c>. Amounts are in minor units.
/// </summary>
internal sealed record PriceTerms
{
    public string? PriceId { get; init; }

    public string? ProductId { get; init; }

    public string? Name { get; init; }

    public string? Currency { get; init; }

    public BillingCadence? Cadence { get; init; }

    public string UsageType { get; init; } = "licensed";

    public string BillingScheme { get; init; } = "per_unit";

    public string? TiersMode { get; init; }

    /// <summary>Per-unit amount in minor units; <c>unit_amount_decimal</c> wins because it carries fractions.</summary>
    public decimal? UnitAmount { get; init; }

    /// <summary>Null when the payload did not include tiers (webhooks omit them unless expanded).</summary>
    public IReadOnlyList<PriceTierTerms>? Tiers { get; init; }

    public long? TransformDivideBy { get; init; }

    public string? TransformRound { get; init; }

    public static PriceTerms? From(SubscriptionItem item)
    {
        if (item.Price is { } price)
        {
            return FromPrice(price);
        }

        return item.Plan is { } plan ? FromPlan(plan) : null;
    }

    private static PriceTerms FromPrice(Price price) => new()
    {
        PriceId = price.Id,
        ProductId = price.ProductId,
        // The nickname is what sales teams name a plan; the product name (only when expanded) is the
        // next best thing.
        Name = NonEmpty(price.Nickname) ?? NonEmpty(price.Product?.Name),
        Currency = price.Currency,
        Cadence = price.Recurring is { } r ? new BillingCadence(r.Interval, r.IntervalCount) : null,
        UsageType = price.Recurring?.UsageType ?? "licensed",
        BillingScheme = price.BillingScheme ?? "per_unit",
        TiersMode = price.TiersMode,
        UnitAmount = price.UnitAmountDecimal ?? price.UnitAmount,
        Tiers = price.Tiers?.Select(t => new PriceTierTerms(
            t.UpTo, t.UnitAmountDecimal ?? t.UnitAmount ?? 0m, t.FlatAmountDecimal ?? t.FlatAmount ?? 0m)).ToList(),
        TransformDivideBy = price.TransformQuantity?.DivideBy,
        TransformRound = price.TransformQuantity?.Round,
    };

    private static PriceTerms FromPlan(Plan plan) => new()
    {
        PriceId = plan.Id,
        ProductId = plan.ProductId,
        Name = NonEmpty(plan.Nickname) ?? NonEmpty(plan.Product?.Name),
        Currency = plan.Currency,
        Cadence = plan.Interval is null ? null : new BillingCadence(plan.Interval, plan.IntervalCount),
        UsageType = plan.UsageType ?? "licensed",
        BillingScheme = plan.BillingScheme ?? "per_unit",
        TiersMode = plan.TiersMode,
        UnitAmount = plan.AmountDecimal ?? plan.Amount,
        Tiers = plan.Tiers?.Select(t => new PriceTierTerms(
            t.UpTo, t.UnitAmountDecimal ?? t.UnitAmount ?? 0m, t.FlatAmountDecimal ?? t.FlatAmount ?? 0m)).ToList(),
        TransformDivideBy = plan.TransformUsage?.DivideBy,
        TransformRound = plan.TransformUsage?.Round,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
