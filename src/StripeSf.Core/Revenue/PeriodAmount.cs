using StripeSf.Core.Facts;

namespace StripeSf.Core.Revenue;

/// <summary>
/// What one licensed subscription item bills per billing period, in minor units, before discounts —
/// the same arithmetic Stripe applies when it builds the invoice line, minus its per-line rounding
/// (we round once, at the end).
/// </summary>
internal static class PeriodAmount
{
    /// <summary>Returns null (with a reason) when the payload does not carry enough to know the amount.</summary>
    public static decimal? Compute(Facts.PriceFacts terms, long quantity, out string? problem)
    {
        problem = null;
        if (terms.BillingScheme == "tiered")
        {
            if (terms.Tiers is not { Count: > 0 } tiers)
            {
                // Stripe leaves `tiers` out of webhook payloads unless the price is fetched with
                // expand[]=tiers, so a tiered item cannot be priced from the event alone.
                problem = "tiered price without tiers in the payload (fetch the price with expand tiers)";
                return null;
            }

            return terms.TiersMode switch
            {
                "volume" => Volume(tiers, quantity),
                "graduated" => Graduated(tiers, quantity),
                _ => Unknown(terms.TiersMode, out problem),
            };
        }

        if (terms.UnitAmount is not { } unit)
        {
            problem = "per-unit price without unit_amount";
            return null;
        }

        return unit * TransformedQuantity(terms, quantity);
    }

    /// <summary>
    /// Applies <c>transform_quantity</c>: Stripe bills ceil or floor(quantity / divide_by) units
    /// ("bill per pack of 10 seats"); it cannot be combined with tiers.
    /// </summary>
    private static decimal TransformedQuantity(Facts.PriceFacts terms, long quantity)
    {
        if (terms.TransformDivideBy is not { } divideBy || divideBy <= 0)
        {
            return quantity;
        }

        var packs = (decimal)quantity / divideBy;
        return terms.TransformRound == "up" ? Math.Ceiling(packs) : Math.Floor(packs);
    }

    /// <summary>
    /// Volume tiering: the tier the whole quantity falls in prices every unit, plus that tier's flat
    /// amount. A quantity of 0 lies in the first tier's range, so that tier's flat amount is counted.
    /// </summary>
    private static decimal Volume(IReadOnlyList<TierFacts> tiers, long quantity)
    {
        var tier = tiers.FirstOrDefault(t => t.UpTo is null || quantity <= t.UpTo, tiers[^1]);
        return (quantity * tier.UnitAmount) + tier.FlatAmount;
    }

    /// <summary>
    /// Graduated tiering: each tier prices only the units inside its range, and a tier's flat amount is
    /// billed once the quantity reaches it. The first tier's flat amount is counted even at quantity 0
    /// (the "flat fee plus overage" pattern relies on it); this zero-quantity behaviour is our reading
    /// of Stripe's tier ranges, not confirmed against an invoice.
    /// </summary>
    private static decimal Graduated(IReadOnlyList<TierFacts> tiers, long quantity)
    {
        decimal total = 0m;
        long previousUpTo = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var upper = tier.UpTo ?? long.MaxValue;
            var unitsInTier = Math.Max(0, Math.Min(quantity, upper) - previousUpTo);
            if (unitsInTier > 0 || i == 0)
            {
                total += (unitsInTier * tier.UnitAmount) + tier.FlatAmount;
            }

            if (quantity <= upper)
            {
                break;
            }

            previousUpTo = upper;
        }

        return total;
    }

    private static decimal? Unknown(string? mode, out string problem)
    {
        problem = $"tiered price with unknown tiers_mode '{mode}'";
        return null;
    }
}
