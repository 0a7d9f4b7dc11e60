using StripeSf.Core.Revenue;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>A Contract's term in months from the subscription's billing interval.</summary>
internal static class ContractTerm
{
    /// <summary>Used when the interval does not convert to whole months (day, week) or is unknown.</summary>
    public const int DefaultMonths = 12;

    /// <summary>year × count × 12, month × count; otherwise <see cref="DefaultMonths"/> (a yearly commitment, the common SaaS term).</summary>
    public static int Months(RecurringRevenue revenue)
    {
        var item = revenue.Items.FirstOrDefault(i => i.Included && i.IntervalCount > 0)
            ?? revenue.Items.FirstOrDefault(i => i.IntervalCount > 0);
        return item?.Interval switch
        {
            "year" => (int)Math.Min(item.IntervalCount * 12, 999),
            "month" => (int)Math.Min(item.IntervalCount, 999),
            _ => DefaultMonths,
        };
    }
}
