using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Subscriptions;

namespace StripeSf.Core.Renewals;

/// <summary>An active subscription whose term ends within the sweep's days: the renewal it needs, keyed by <see cref="Key"/>.</summary>
public sealed record RenewalCandidate(SubscriptionFacts Subscription, string? PlanName, long Quantity, decimal Acv, decimal Mrr, decimal Arr, string? Currency, RenewalTerm Term)
{
    /// <summary>The renewal's <c>Stripe_Renewal_Key__c</c>.</summary>
    public string Key => RenewalKey.For(Subscription.Id, Term.End);

    /// <summary>The renewal's name.</summary>
    public string Name => RenewalKey.Name(PlanName, Quantity, Term.End, Subscription.Id);

    internal static RenewalCandidate Of(SubscriptionFacts subscription, SubscriptionRevenue revenue, RenewalTerm term)
    {
        var run = revenue.RunRate;
        return new RenewalCandidate(subscription, revenue.PlanName, RenewalKey.Quantity(run), revenue.Acv, run.Mrr, run.Arr, run.Currency, term);
    }
}
