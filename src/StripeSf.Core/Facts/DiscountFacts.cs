namespace StripeSf.Core.Facts;

/// <summary>The parts of a coupon that change recurring revenue. Amounts are minor units.</summary>
public sealed record CouponFacts
{
    /// <summary>Coupon id.</summary>
    public string? Id { get; init; }

    /// <summary>Percentage off (0–100).</summary>
    public decimal? PercentOff { get; init; }

    /// <summary>Fixed amount off per invoice, minor units of <see cref="Currency"/>.</summary>
    public long? AmountOff { get; init; }

    /// <summary>Currency of <see cref="AmountOff"/>, lower case as Stripe sends it.</summary>
    public string? Currency { get; init; }

    /// <summary>Fixed amounts off in other currencies (<c>currency_options</c>), keyed by lower-case code.</summary>
    public IReadOnlyDictionary<string, long> AmountOffByCurrency { get; init; } = new Dictionary<string, long>();

    /// <summary><c>once</c>, <c>repeating</c> or <c>forever</c>.</summary>
    public string? Duration { get; init; }

    /// <summary>Product ids the coupon is restricted to (<c>applies_to.products</c>); null means every item.</summary>
    public IReadOnlyCollection<string>? AppliesToProducts { get; init; }

    /// <summary>Reads a coupon object.</summary>
    public static CouponFacts From(StripeJson coupon)
    {
        var options = coupon.Get("currency_options") is { ValueKind: System.Text.Json.JsonValueKind.Object } byCurrency
            ? byCurrency.EnumerateObject()
                .Select(p => (Code: p.Name.ToLowerInvariant(), Amount: new StripeJson(p.Value, p.Name).Long("amount_off")))
                .Where(p => p.Amount is not null)
                .ToDictionary(p => p.Code, p => p.Amount!.Value, StringComparer.Ordinal)
            : new Dictionary<string, long>(StringComparer.Ordinal);
        var products = coupon.List("applies_to.products").Select(p => p.Element.ValueKind == System.Text.Json.JsonValueKind.String ? p.Element.GetString() : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new CouponFacts
        {
            Id = coupon.String("id"),
            PercentOff = coupon.Decimal("percent_off"),
            AmountOff = coupon.Long("amount_off"),
            Currency = coupon.String("currency"),
            AmountOffByCurrency = options,
            Duration = coupon.String("duration"),
            AppliesToProducts = products.Count > 0 ? products : null,
        };
    }

    /// <summary>The fixed amount off in <paramref name="currency"/>, if the coupon has one for it.</summary>
    public long? AmountOffIn(string currency)
    {
        if (AmountOff is { } amount && string.Equals(Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            return amount;
        }

        return AmountOffByCurrency.TryGetValue(currency.ToLowerInvariant(), out var other) ? other : null;
    }
}

/// <summary>
/// A discount on a subscription or item: its coupon when the payload carries it, otherwise why it
/// cannot be applied (an unexpanded discount id, or a coupon id without the coupon).
/// </summary>
/// <param name="Id">Discount id (<c>di_…</c>).</param>
/// <param name="Coupon">The coupon; null when the payload does not carry it.</param>
/// <param name="End">When a repeating discount stops applying.</param>
/// <param name="Problem">Why <paramref name="Coupon"/> is null.</param>
public sealed record DiscountFacts(string? Id, CouponFacts? Coupon, DateTimeOffset? End, string? Problem)
{
    /// <summary>
    /// The discounts of a subscription or item, across API versions:
    /// <list type="bullet">
    /// <item><description><c>discounts</c>: ids, or expanded discounts;</description></item>
    /// <item><description>an expanded discount's coupon is <c>coupon</c> up to 2025-09-30.clover and
    /// <c>source.coupon</c> from clover on (where it is an id unless expanded);</description></item>
    /// <item><description>the singular <c>discount</c> (removed from subscriptions in 2025-03-31.basil).
    /// Versions that render both list the same discount twice: it is kept once, by id, with whichever
    /// copy carries the coupon.</description></item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<DiscountFacts> ListOf(StripeJson owner)
    {
        var result = new List<DiscountFacts>();
        foreach (var entry in owner.List("discounts"))
        {
            if (entry.IsObject)
            {
                result.Add(FromObject(entry, legacy: false));
            }
            else if (entry.Element.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                var id = entry.Element.GetString();
                result.Add(new DiscountFacts(id, null, null, $"discount {id} is not expanded in the payload"));
            }
        }

        if (owner.Object("discount") is { } single)
        {
            var legacy = FromObject(single, legacy: true);
            var same = result.FindIndex(d => d.Id is not null && d.Id == legacy.Id);
            if (same < 0)
            {
                result.Add(legacy);
            }
            else if (result[same].Coupon is null && legacy.Coupon is not null)
            {
                result[same] = legacy;
            }
        }

        return result;
    }

    private static DiscountFacts FromObject(StripeJson discount, bool legacy)
    {
        var id = discount.String("id");
        var end = discount.Time("end");
        var coupon = discount.Object("source.coupon") ?? discount.Object("coupon");
        if (coupon is { } expanded)
        {
            return new DiscountFacts(id, CouponFacts.From(expanded), end, null);
        }

        var problem = legacy
            ? $"discount {id}: coupon is not expanded in the payload"
            : $"discount {id}: coupon {discount.Id("source.coupon")} is not expanded in the payload";
        return new DiscountFacts(id, null, end, problem);
    }
}
