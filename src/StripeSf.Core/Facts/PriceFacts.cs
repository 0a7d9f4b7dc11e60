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
            return FromPrice(price);
        }

        return owner.Object("plan") is { } plan ? FromPlan(plan) : null;
    }

    private static PriceFacts FromPrice(StripeJson price) => new()
    {
        Id = price.String("id"),
        ProductId = price.Id("product"),
        ProductName = price.Object("product")?.String("name"),
        Nickname = price.String("nickname"),
        Currency = price.String("currency"),
        Interval = price.String("recurring.interval"),
        IntervalCount = price.Long("recurring.interval_count"),
        UsageType = price.String("recurring.usage_type") ?? "licensed",
        BillingScheme = price.String("billing_scheme") ?? "per_unit",
        TiersMode = price.String("tiers_mode"),
        UnitAmount = price.Decimal("unit_amount_decimal") ?? price.Decimal("unit_amount"),
        Tiers = TiersOf(price),
        TransformDivideBy = price.Long("transform_quantity.divide_by"),
        TransformRound = price.String("transform_quantity.round"),
    };

    private static PriceFacts FromPlan(StripeJson plan) => new()
    {
        Id = plan.String("id"),
        FromLegacyPlan = true,
        ProductId = plan.Id("product"),
        ProductName = plan.Object("product")?.String("name"),
        Nickname = plan.String("nickname"),
        Currency = plan.String("currency"),
        Interval = plan.String("interval"),
        IntervalCount = plan.Long("interval_count"),
        UsageType = plan.String("usage_type") ?? "licensed",
        BillingScheme = plan.String("billing_scheme") ?? "per_unit",
        TiersMode = plan.String("tiers_mode"),
        UnitAmount = plan.Decimal("amount_decimal") ?? plan.Decimal("amount"),
        Tiers = TiersOf(plan),
        TransformDivideBy = plan.Long("transform_usage.divide_by"),
        TransformRound = plan.String("transform_usage.round"),
    };

    private static List<TierFacts>? TiersOf(StripeJson price) =>
        price.Get("tiers") is { ValueKind: System.Text.Json.JsonValueKind.Array }
            ? [.. price.List("tiers").Select(t => new TierFacts(
                t.Long("up_to"), // "inf" is a string: the open-ended last tier
                t.Decimal("unit_amount_decimal") ?? t.Decimal("unit_amount") ?? 0m,
                t.Decimal("flat_amount_decimal") ?? t.Decimal("flat_amount") ?? 0m))]
            : null;
}
