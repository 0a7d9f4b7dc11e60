using StripeSf.Core.Facts;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// A subscription's run rate (<see cref="RecurringRevenue"/>, 0 MRR for trials, cancellations…) and
/// its annual contract value: what the subscription is worth per year when it bills, which is the
/// Opportunity's Amount even while it does not count toward MRR (a trial's expected value, the value a
/// cancellation lost).
/// </summary>
internal sealed record SubscriptionRevenue(RecurringRevenue RunRate, decimal Acv)
{
    public static SubscriptionRevenue Of(SubscriptionFacts subscription, DateTimeOffset asOf)
    {
        var runRate = MrrCalculator.Calculate(subscription, asOf);
        if (runRate.CountsTowardMrr)
        {
            return new SubscriptionRevenue(runRate, runRate.Arr);
        }

        // ARR is 12 × the unrounded MRR; computing it as if the subscription billed keeps that
        // precision (12 × a rounded PotentialMrr would turn 1000/year into 999.96).
        var billing = MrrCalculator.Calculate(subscription with { Status = "active" }, asOf);
        return new SubscriptionRevenue(runRate, billing.Arr);
    }

    /// <summary>Plan name for Salesforce: the names MrrCalculator found, else the price ids, so the field is never blanked.</summary>
    public string? PlanName => RunRate.PlanName
        ?? (RunRate.Items.Select(i => i.PriceId).OfType<string>().Distinct().ToList() is { Count: > 0 } ids ? string.Join(" + ", ids) : null);
}
