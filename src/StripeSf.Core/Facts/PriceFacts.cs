namespace StripeSf.Core.Facts;

/// <summary>One pricing tier in minor units; <see cref="UpTo"/> null means "and above" (Stripe's <c>inf</c>).</summary>
public readonly record struct TierFacts(long? UpTo, decimal UnitAmount, decimal FlatAmount);

/// <summary>
/// The pricing of a subscription item or invoice line, from its <c>price</c> or, for payloads that
/// predate Prices (or lines that carry only a plan), from its legacy <c>plan</c>. 2020-08-27 renders
/// both side by side with the same id; the price wins. Amounts are minor units.
/// </summary>
public sealed record PriceFacts
{
    /// <summary>Price id (<c>price_…</c>), or the plan id.</summary>
    public string? Id { get; init; }

    /// <summary>True when read from <c>plan</c> because there was no <c>price</c>.</summary>
    public bool FromLegacyPlan { get; init; }

    /// <summary>Product id (the reference or the expanded product's id).</summary>
    public string? ProductId { get; init; }

    /// <summary>The expanded product's name; null when the product is only an id.</summary>
    public string? ProductName { get; init; }

    /// <summary>Price (or plan) nickname.</summary>
    public string? Nickname { get; init; }

    /// <summary>Lower-case currency code.</summary>
    public string? Currency { get; init; }

    /// <summary><c>recurring.interval</c> (plan: <c>interval</c>): day, week, month, year; null for one-time prices.</summary>
    public string? Interval { get; init; }

    /// <summary>Intervals per billing period; null when not sent.</summary>
    public long? IntervalCount { get; init; }

    /// <summary><c>licensed</c> (default) or <c>metered</c>.</summary>
    public string UsageType { get; init; } = "licensed";

    /// <summary><c>per_unit</c> (default) or <c>tiered</c>.</summary>
    public string BillingScheme { get; init; } = "per_unit";

    /// <summary><c>volume</c> or <c>graduated</c> for tiered prices.</summary>
    public string? TiersMode { get; init; }

    /// <summary>Per-unit amount; <c>unit_amount_decimal</c> (plan: <c>amount_decimal</c>) wins because it carries fractions.</summary>
    public decimal? UnitAmount { get; init; }

    /// <summary>The tiers; null when the payload omits them (webhooks do unless <c>expand[]=tiers</c>).</summary>
    public IReadOnlyList<TierFacts>? Tiers { get; init; }

    /// <summary><c>transform_quantity.divide_by</c> (plan: <c>transform_usage</c>).</summary>
    public long? TransformDivideBy { get; init; }

    /// <summary><c>transform_quantity.round</c>: <c>up</c> or <c>down</c>.</summary>
    public string? TransformRound { get; init; }

    /// <summary>What sales teams call the plan: the nickname, else the expanded product's name; null when neither is set.</summary>
    public string? DisplayName => !string.IsNullOrWhiteSpace(Nickname) ? Nickname : !string.IsNullOrWhiteSpace(ProductName) ? ProductName : null;

    /// <summary>True for a tiered price whose tiers are not in the payload.</summary>
    public bool LacksTiers => BillingScheme == "tiered" && Tiers is null;

    /// <summary>The price of <paramref name="owner"/> (an item or line): its <c>price</c>, else its <c>plan</c>, else null.</summary>
    public static PriceFacts? Of(StripeJson owner)
    {
        if (owner.Object("price") is { } price)
        {
            return From(price, PricePaths.Price);
        }

        return owner.Object("plan") is { } plan ? From(plan, PricePaths.Plan) : null;
    }

    private static PriceFacts From(StripeJson price, PricePaths paths) => new()
    {
        Id = price.String("id"),
        FromLegacyPlan = paths == PricePaths.Plan,
        ProductId = price.Id("product"),
        ProductName = price.Object("product")?.String("name"),
        Nickname = price.String("nickname"),
        Currency = price.String("currency"),
        Interval = price.String(paths.Interval),
        IntervalCount = price.Long(paths.IntervalCount),
        UsageType = price.String(paths.UsageType) ?? "licensed",
        BillingScheme = price.String("billing_scheme") ?? "per_unit",
        TiersMode = price.String("tiers_mode"),
        UnitAmount = price.Decimal(paths.UnitAmount + "_decimal") ?? price.Decimal(paths.UnitAmount),
        Tiers = TiersOf(price),
        TransformDivideBy = price.Long(paths.Transform + ".divide_by"),
        TransformRound = price.String(paths.Transform + ".round"),
    };

    /// <summary>Where a Price and a legacy Plan keep the fields they name differently.</summary>
    private sealed record PricePaths(string Interval, string IntervalCount, string UsageType, string UnitAmount, string Transform)
    {
        public static readonly PricePaths Price = new("recurring.interval", "recurring.interval_count", "recurring.usage_type", "unit_amount", "transform_quantity");

        public static readonly PricePaths Plan = new("interval", "interval_count", "usage_type", "amount", "transform_usage");
    }

    private static List<TierFacts>? TiersOf(StripeJson price) =>
        price.Get("tiers") is { ValueKind: System.Text.Json.JsonValueKind.Array }
            ? [.. price.List("tiers").Select(t => new TierFacts(
                t.Long("up_to"), // "inf" is a string: the open-ended last tier
                t.Decimal("unit_amount_decimal") ?? t.Decimal("unit_amount") ?? 0m,
                t.Decimal("flat_amount_decimal") ?? t.Decimal("flat_amount") ?? 0m))]
            : null;
}
