using StripeSf.Core.Facts;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>
/// The monthly recurring revenue a failed invoice puts at risk: the amount due normalised to a month
/// by the subscription's billing period (a yearly invoice of 1,200 risks 100 a month). The period
/// comes from the subscription line's price (<c>price.recurring</c> or <c>plan</c>, older API
/// versions) or else from the line's service period (current versions carry only the price id).
/// One-off invoices and invoices without a readable period report the amount due itself.
/// </summary>
internal sealed record AtRiskMrr(decimal Amount, string Basis)
{
    /// <summary>The at-risk MRR of <paramref name="invoice"/> in its currency's major units.</summary>
    public static AtRiskMrr Of(InvoiceFacts invoice)
    {
        var due = Money.ToMajorUnits(invoice.AmountDue, invoice.Currency);
        if (invoice.SubscriptionId is null)
        {
            return new AtRiskMrr(due, "amount due (not a subscription invoice)");
        }

        var cadence = invoice.RecurringLine is { } line ? CadenceOf(line) : null;
        return cadence is { IsSupported: true }
            ? new AtRiskMrr(Money.Round(cadence.ToMonthly(due), invoice.Currency), $"amount due normalised to a month from {cadence.Label.ToLowerInvariant()} billing")
            : new AtRiskMrr(due, "amount due (billing period unknown)");
    }

    private static BillingCadence? CadenceOf(InvoiceLineFacts line)
    {
        if (line.Price is { Interval: { } interval } price)
        {
            return new BillingCadence(interval, price.IntervalCount ?? 1);
        }

        return line.PeriodStart is { } start && line.PeriodEnd is { } end ? FromPeriod(start, end) : null;
    }

    private static BillingCadence? FromPeriod(DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        var start = periodStart.UtcDateTime;
        var end = periodEnd.UtcDateTime;
        if (end <= start)
        {
            return null;
        }

        // Whole calendar months (Stripe clamps anchors: Jan 31 → Feb 28 is one month).
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month;
        if (months >= 1 && Math.Abs((start.AddMonths(months) - end).TotalHours) < 1)
        {
            return months % 12 == 0 ? new BillingCadence("year", months / 12) : new BillingCadence("month", months);
        }

        var days = (long)Math.Round((end - start).TotalDays);
        return days switch
        {
            >= 7 when days % 7 == 0 => new BillingCadence("week", days / 7),
            >= 1 => new BillingCadence("day", days),
            _ => null,
        };
    }
}
