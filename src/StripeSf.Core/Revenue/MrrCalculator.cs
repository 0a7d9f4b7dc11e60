namespace StripeSf.Core.Revenue;

using StripeSf.Core.Facts;

/// <summary>
/// Computes a subscription's MRR/ARR from its <see cref="SubscriptionFacts"/> alone (no I/O), which
/// read every payload shape from 2020-08-27 (legacy <c>discount</c>, <c>plan</c>) to the current one
/// (<c>discounts</c>, prices, item-level periods).
/// </summary>
/// <remarks>
/// <para>Per item: the amount billed per period (per-unit × quantity after <c>transform_quantity</c>,
/// or volume/graduated tiers) is normalised to a month (see <see cref="BillingCadence"/>), then
/// item-level discounts apply; items are summed, then subscription-level discounts apply to the total
/// (Stripe applies item discounts before subscription discounts). Several discounts apply one after the
/// other, each to what the previous left. All arithmetic is in unrounded minor units; the result is
/// converted to major units and rounded once.</para>
/// <para>Metered items contribute 0: their amount depends on usage not in the subscription. Tiered
/// prices need <c>tiers</c>, which webhooks omit unless expanded: such an item contributes 0 and the
/// result is marked approximate, so a caller can fetch the price with <c>expand[]=tiers</c>, set it on
/// the item and compute again.</para>
/// </remarks>
public static class MrrCalculator
{
    /// <summary>Computes the subscription's recurring revenue.</summary>
    /// <param name="subscription">Read from an event's <c>data.object</c> or an object fetched from the API.</param>
    /// <param name="asOf">
    /// Optional point in time (e.g. the event's <c>created</c>): discounts whose <c>end</c> is at or before
    /// it are ignored. Without it, every discount on the subscription is taken as active.
    /// </param>
    public static RecurringRevenue Calculate(SubscriptionFacts subscription, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var notes = new List<string>();
        var approximate = false;

        var currency = subscription.Currency;
        var lines = subscription.Items.Select(item => new ItemLine { Item = item, Terms = item.Price }).ToList();
        if (currency is null)
        {
            notes.Add("no item has a priced currency; MRR is 0");
            return Build(subscription, null, null, lines, 0m, 0m, notes, approximate: lines.Count > 0, usage: false);
        }

        var usage = false;
        foreach (var line in lines)
        {
            usage |= PriceItem(line, currency, asOf, ref approximate);
        }

        var gross = lines.Where(l => l.Included).Sum(l => l.GrossMonthly);
        var total = lines.Where(l => l.Included).Sum(l => l.NetMonthly);
        var cadence = SubscriptionCadence(lines, notes, ref approximate);
        foreach (var discount in subscription.Discounts)
        {
            var applicable = discount.Coupon?.AppliesToProducts is { } products
                ? lines.Where(l => l.Included && l.Terms?.ProductId is { } p && products.Contains(p)).Sum(l => l.NetMonthly)
                : total;
            total -= DiscountApplier.MonthlyReduction(
                discount, Math.Min(applicable, total), cadence, currency, asOf, notes, ref approximate);
        }

        foreach (var line in lines.Where(l => l.Notes.Count > 0))
        {
            notes.Add($"item {line.Item.Id}: {string.Join("; ", line.Notes)}");
        }

        return Build(subscription, currency, cadence, lines, gross, total, notes, approximate, usage);
    }

    /// <summary>Prices one item in place; returns true when it is usage-based (metered).</summary>
    private static bool PriceItem(ItemLine line, string currency, DateTimeOffset? asOf, ref bool approximate)
    {
        if (line.Terms is not { } terms)
        {
            line.Notes.Add("no price or plan in the payload; excluded");
            approximate = true;
            return false;
        }

        if (!string.Equals(terms.Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            // Stripe rejects subscriptions mixing currencies; if one arrives anyway, adding amounts in
            // different currencies would be meaningless, so the odd item is left out and reported.
            line.Notes.Add($"currency {terms.Currency} differs from the subscription's {currency}; excluded");
            approximate = true;
            return false;
        }

        if (BillingCadence.Of(terms) is not { IsSupported: true } cadence)
        {
            line.Notes.Add($"not a recurring price with a known interval ({terms.Interval} × {terms.IntervalCount ?? 0}); excluded");
            approximate = true;
            return false;
        }

        if (terms.UsageType == "metered")
        {
            line.Notes.Add("metered (usage-based): amount depends on usage not in the subscription; counted as 0");
            return true;
        }

        if (PeriodAmount.Compute(terms, line.Item.Quantity ?? 0, out var problem) is not { } periodAmount)
        {
            line.Notes.Add($"{problem}; excluded");
            approximate = true;
            return false;
        }

        line.PeriodAmount = periodAmount;
        line.GrossMonthly = cadence.ToMonthly(periodAmount);
        line.NetMonthly = line.GrossMonthly;
        line.Included = true;
        foreach (var discount in line.Item.Discounts)
        {
            line.NetMonthly -= DiscountApplier.MonthlyReduction(
                discount, line.NetMonthly, cadence, currency, asOf, line.Notes, ref approximate);
        }

        return false;
    }

    /// <summary>
    /// The invoice cadence used to spread a fixed amount_off over months. Stripe bills every item of a
    /// subscription on one cycle; if items disagree anyway, the first licensed item's cadence is used.
    /// </summary>
    private static BillingCadence? SubscriptionCadence(List<ItemLine> lines, List<string> notes, ref bool approximate)
    {
        var cadences = lines.Where(l => l.Included).Select(l => BillingCadence.Of(l.Terms!)!).Distinct().ToList();
        if (cadences.Count > 1)
        {
            notes.Add("items bill on different intervals; a subscription-level amount_off is spread using the first item's interval");
            approximate = true;
        }

        return cadences.FirstOrDefault();
    }

    private static RecurringRevenue Build(
        SubscriptionFacts subscription,
        string? knownCurrency,
        BillingCadence? cadence,
        List<ItemLine> lines,
        decimal grossMinor,
        decimal netMinor,
        List<string> notes,
        bool approximate,
        bool usage)
    {
        var counts = SubscriptionStatusRule.CountsTowardMrr(subscription.Status);
        if (counts is null)
        {
            notes.Add($"unknown subscription status '{subscription.Status}'; MRR counted as 0");
            approximate = true;
        }
        else if (counts == false)
        {
            notes.Add($"status '{subscription.Status}' does not count toward MRR; MRR is 0");
        }

        if (subscription.CollectionPaused && counts == true)
        {
            notes.Add($"payment collection is paused ({subscription.PauseBehavior}); MRR still counted");
        }

        if (subscription.CancelAtPeriodEnd && counts == true)
        {
            notes.Add("cancels at period end; MRR counted until it ends");
        }

        // Without a known currency every amount is 0, so any exponent rounds it the same way.
        var currency = knownCurrency ?? "usd";
        var monthly = Money.ToMajorUnits(netMinor, currency);
        var counted = counts == true;
        var names = lines.Where(l => l.Included || l.Terms?.UsageType == "metered")
            .Select(l => l.Terms?.DisplayName ?? l.Terms?.Id)
            .OfType<string>().Distinct().ToList();
        var intervals = lines.Where(l => l.Terms is not null && BillingCadence.Of(l.Terms) is { IsSupported: true })
            .Select(l => BillingCadence.Of(l.Terms!)!).Distinct().ToList();

        return new RecurringRevenue
        {
            SubscriptionId = subscription.Id,
            Status = subscription.Status,
            Mrr = counted ? Money.Round(monthly, currency) : 0m,
            Arr = counted ? Money.Round(monthly * 12m, currency) : 0m,
            PotentialMrr = Money.Round(monthly, currency),
            MrrBeforeDiscounts = Money.Round(Money.ToMajorUnits(grossMinor, currency), currency),
            CountsTowardMrr = counted,
            Currency = knownCurrency is null ? null : Money.ToIsoCode(knownCurrency),
            PlanName = names.Count == 0 ? null : string.Join(" + ", names),
            PlanInterval = intervals.Count switch
            {
                0 => cadence?.Label,
                1 => intervals[0].Label,
                _ => "Mixed",
            },
            Items = lines.Select(l => l.ToResult(currency)).ToList(),
            ExcludesUsageBasedRevenue = usage,
            IsApproximate = approximate,
            Notes = notes,
        };
    }
}
