namespace StripeSf.Core.Revenue;

using System.Globalization;

/// <summary>A recurring price's billing period (interval × count) and its conversion to one month.</summary>
internal sealed record BillingCadence(string Interval, long IntervalCount)
{
    /// <summary>
    /// Converts an amount billed once per period to its monthly equivalent. Multiplication is done
    /// before division so a decimal keeps as many significant digits as possible.
    /// </summary>
    /// <remarks>
    /// A month is 1/12 of a year: a day-based price bills 365/12 times a month, a week-based price
    /// 52/12 times (the RevOps convention; 365/7/12 would differ by ~0.2 %). Leap years are ignored
    /// because MRR is a run rate, not a calendar forecast.
    /// </remarks>
    public decimal ToMonthly(decimal amountPerPeriod) => Interval switch
    {
        "day" => amountPerPeriod * 365m / (12m * IntervalCount),
        "week" => amountPerPeriod * 52m / (12m * IntervalCount),
        "month" => amountPerPeriod / IntervalCount,
        "year" => amountPerPeriod / (12m * IntervalCount),
        _ => throw new InvalidOperationException($"Unsupported billing interval '{Interval}'."),
    };

    /// <summary>True for the intervals Stripe supports (day, week, month, year) with a positive count.</summary>
    /// <summary>The cadence of <paramref name="price"/>; null for a one-time price.</summary>
    public static BillingCadence? Of(Facts.PriceFacts price) => price.Interval is null ? null : new BillingCadence(price.Interval, price.IntervalCount ?? 0);

    public bool IsSupported => IntervalCount > 0 && Interval is "day" or "week" or "month" or "year";

    /// <summary>Human label for Salesforce's plan interval: "Monthly", "Yearly", "Every 3 months", …</summary>
    public string Label => IntervalCount == 1
        ? Interval switch
        {
            "day" => "Daily",
            "week" => "Weekly",
            "month" => "Monthly",
            "year" => "Yearly",
            _ => Interval,
        }
        : string.Create(CultureInfo.InvariantCulture, $"Every {IntervalCount} {Interval}s");
}
