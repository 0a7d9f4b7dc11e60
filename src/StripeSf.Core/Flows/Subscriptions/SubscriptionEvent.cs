using StripeSf.Core.Facts;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>One customer.subscription.* event, read once: its facts, revenue and the Opportunity outcome they imply.</summary>
internal sealed record SubscriptionEvent(StripeEventContext Context, SubscriptionFacts Facts, SubscriptionRevenue Revenue, OpportunityOutcome Outcome)
{
    public static SubscriptionEvent Read(StripeEventContext context, SalesforceMappingOptions mapping)
    {
        var facts = context.Facts.Subscription();
        var revenue = SubscriptionRevenue.Of(facts, context.Created);
        return new SubscriptionEvent(context, facts, revenue, OpportunityOutcome.For(facts, mapping.Opportunity, context.Created));
    }

    /// <summary>The event time every record group carries for the stale-event guard.</summary>
    public string EventAt => SalesforceValues.DateTime(Context.Created);
}
