namespace StripeSf.Core.Revenue;

using StripeSf.Core.Facts;

/// <summary>
/// The pricing facts of one subscription item, as the MRR arithmetic needs them (see <see cref="PriceFacts"/>
/// for how price and legacy plan are read). Amounts are in minor units.
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
    public IReadOnlyList<TierFacts>? Tiers { get; init; }

    public long? TransformDivideBy { get; init; }

    public string? TransformRound { get; init; }

    public static PriceTerms? From(PriceFacts? price) => price is null ? null : new()
    {
        PriceId = price.Id,
        ProductId = price.ProductId,
        // The nickname is what sales teams name a plan; the product name (only when expanded) is the
        // next best thing.
        Name = NonEmpty(price.Nickname) ?? NonEmpty(price.ProductName),
        Currency = price.Currency,
        Cadence = price.Interval is null ? null : new BillingCadence(price.Interval, price.IntervalCount ?? 0),
        UsageType = price.UsageType,
        BillingScheme = price.BillingScheme,
        TiersMode = price.TiersMode,
        UnitAmount = price.UnitAmount,
        Tiers = price.Tiers,
        TransformDivideBy = price.TransformDivideBy,
        TransformRound = price.TransformRound,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
