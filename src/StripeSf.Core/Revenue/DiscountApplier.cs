namespace StripeSf.Core.Revenue;

using System.Globalization;
using StripeSf.Core.Facts;

/// <summary>
/// Turns one discount into a monthly reduction (minor units) of the amount it applies to.
/// </summary>
/// <remarks>
/// RevOps convention implemented here: a discount reduces MRR while it is on the subscription.
/// <list type="bullet">
/// <item><description><c>forever</c> and <c>repeating</c>: reduce MRR. Stripe removes a repeating
/// discount from the subscription when <c>duration_in_months</c> runs out (and sends an update), so a
/// discount still present is active; when an <c>asOf</c> time is given, one whose <c>end</c> has passed
/// is ignored anyway, which protects against a late or replayed event.</description></item>
/// <item><description><c>once</c>: ignored. It reduces a single invoice, so it is a one-off, not a
/// change in the recurring run rate.</description></item>
/// <item><description><c>percent_off</c>: that share of the amount it applies to.</description></item>
/// <item><description><c>amount_off</c>: per invoice, so it is normalised to a month with the billing
/// cadence (1200/year → 100/month), in the subscription's currency (or the coupon's
/// <c>currency_options</c>), and capped at the amount it applies to because Stripe never takes an
/// invoice below zero with a coupon.</description></item>
/// </list>
/// </remarks>
internal static class DiscountApplier
{
    public static decimal MonthlyReduction(
        DiscountFacts discount,
        decimal baseMonthly,
        BillingCadence? cadence,
        string currency,
        DateTimeOffset? asOf,
        ICollection<string> notes,
        ref bool approximate)
    {
        if (discount.Coupon is not { } coupon)
        {
            notes.Add($"{discount.Problem}; not applied");
            approximate = true;
            return 0m;
        }

        var label = $"coupon {coupon.Id} (discount {discount.Id})";
        if (asOf is { } now && discount.End is { } end && end <= now)
        {
            notes.Add($"{label} ended {end.UtcDateTime:O}; not applied");
            return 0m;
        }

        if (coupon.Duration == "once")
        {
            notes.Add($"{label} is a once coupon: one invoice only, so MRR is not reduced");
            return 0m;
        }

        if (baseMonthly <= 0m)
        {
            return 0m;
        }

        decimal reduction;
        if (coupon.PercentOff is { } percent)
        {
            reduction = baseMonthly * percent / 100m;
        }
        else if (coupon.AmountOffIn(currency) is { } amountOff)
        {
            if (cadence is null)
            {
                notes.Add($"{label}: amount_off needs a billing interval and none is known; not applied");
                approximate = true;
                return 0m;
            }

            reduction = cadence.ToMonthly(amountOff);
        }
        else if (coupon.AmountOff is not null)
        {
            notes.Add($"{label}: amount_off is in {coupon.Currency}, not the subscription's {currency}; not applied");
            approximate = true;
            return 0m;
        }
        else
        {
            notes.Add($"{label} has neither percent_off nor amount_off; not applied");
            approximate = true;
            return 0m;
        }

        if (reduction > baseMonthly)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{label} exceeds the amount it applies to; capped at it"));
            return baseMonthly;
        }

        return reduction;
    }
}
