using StripeSf.Core.Facts;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Renewals;

/// <summary>The end of the term a subscription renews at, and where it comes from.</summary>
public sealed record RenewalTerm(DateTimeOffset End, RenewalTermSource Source)
{
    /// <summary>
    /// The term end of <paramref name="subscription"/>, or null when it has none to renew:
    /// <list type="number">
    /// <item><description><c>cancel_at_period_end</c>: none — the customer is leaving (its renewal is closed Lost).</description></item>
    /// <item><description><c>cancel_at</c>: a fixed term ending then.</description></item>
    /// <item><description>a Contract whose end (StartDate + ContractTerm) is still ahead: that end — for an interval
    /// not in <paramref name="intervals"/> only when the Contract is longer than one billing period (a monthly
    /// plan's one-month Contract renews by the month like the plan).</description></item>
    /// <item><description>a billing interval in <paramref name="intervals"/>: the current period end.</description></item>
    /// </list>
    /// </summary>
    public static RenewalTerm? For(SubscriptionFacts subscription, RecurringRevenue revenue, ContractEnd? contract, IReadOnlySet<string> intervals, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(revenue);
        ArgumentNullException.ThrowIfNull(intervals);
        if (subscription.CancelAtPeriodEnd)
        {
            return null;
        }

        if (subscription.CancelAt is { } cancelAt)
        {
            return new RenewalTerm(cancelAt, RenewalTermSource.CancelAt);
        }

        var item = revenue.Items.FirstOrDefault(i => i.Included && i.IntervalCount > 0) ?? revenue.Items.FirstOrDefault(i => i.IntervalCount > 0);
        var included = item?.Interval is { } interval && intervals.Contains(interval);
        if (contract is not null && contract.End > asOf && (included || contract.TermMonths > BillingMonths(item)))
        {
            return new RenewalTerm(contract.End, RenewalTermSource.Contract);
        }

        return included && subscription.CurrentPeriodEnd is { } periodEnd ? new RenewalTerm(periodEnd, RenewalTermSource.PeriodEnd) : null;
    }

    private static long BillingMonths(RecurringRevenueItem? item) => item?.Interval switch
    {
        "year" => item.IntervalCount * 12,
        "month" => item.IntervalCount,
        _ => 0,
    };
}
