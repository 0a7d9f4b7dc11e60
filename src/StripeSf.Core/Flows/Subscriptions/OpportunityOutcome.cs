using StripeSf.Core.Facts;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>The subscription Opportunity's stage and close date, derived from the subscription alone so every event agrees.</summary>
internal sealed record OpportunityOutcome(string Stage, DateTimeOffset CloseDate)
{
    /// <remarks>
    /// <list type="bullet">
    /// <item><description>active, past_due, unpaid → Closed Won (contracted and billed; dunning is a
    /// collection problem, not a lost deal), closed when paying started: the trial end, else the start.</description></item>
    /// <item><description>trialing, incomplete, paused (a trial that ended without a payment method) →
    /// the open stage, expected to close when the trial ends.</description></item>
    /// <item><description>canceled, incomplete_expired → Closed Lost when the subscription never got past
    /// its trial (or never paid); a subscription that was paying stays Closed Won, because turning a
    /// won deal into a lost one would rewrite bookings history — its churn shows on the Account.</description></item>
    /// </list>
    /// </remarks>
    public static OpportunityOutcome For(SubscriptionFacts facts, OpportunityMap map, DateTimeOffset eventCreated)
    {
        var started = facts.StartDate ?? eventCreated;
        var wonAt = facts.TrialEnd is { } trialEnd && trialEnd > started ? trialEnd : started;
        return facts.Status switch
        {
            "active" or "past_due" or "unpaid" => new(map.StageClosedWon, wonAt),
            "trialing" or "incomplete" or "paused" => new(map.StageOpen, facts.TrialEnd ?? facts.CurrentPeriodEnd ?? eventCreated),
            "canceled" when WasPaying(facts, wonAt) => new(map.StageClosedWon, wonAt),
            _ => new(map.StageClosedLost, facts.EndedAt ?? facts.CanceledAt ?? eventCreated),
        };
    }

    /// <summary>True when the subscription ended after its trial (or had none): it was billed, so the deal had been won.</summary>
    private static bool WasPaying(SubscriptionFacts facts, DateTimeOffset wonAt)
    {
        var ended = facts.EndedAt ?? facts.CanceledAt;
        return facts.TrialEnd is null || ended is null || ended > wonAt;
    }
}
