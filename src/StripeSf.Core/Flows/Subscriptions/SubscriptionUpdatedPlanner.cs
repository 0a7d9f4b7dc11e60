using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// customer.subscription.updated → the Account's subscription fields and the subscription's Opportunity,
/// plus the targeted update of the change <see cref="SubscriptionChangeClassifier"/> names: a renewal
/// Opportunity closed Won for the term that just ended, an expansion Opportunity and owner Task, the Account
/// at risk on a scheduled cancellation (<c>cancel_at_period_end</c> also closes the term's open renewal as
/// Lost; withdrawing it opens the renewal again).
/// </summary>
internal sealed class SubscriptionUpdatedPlanner(SalesforceMappingOptions mapping, SubscriptionRecords records, ChangeUpdates changes, RenewalWriter renewals, RenewalCloser renewalCloser, ExpansionWriter expansions)
{
    /// <summary>The plan of a customer.subscription.updated event.</summary>
    public WritePlan Plan(StripeEventContext context)
    {
        if (!mapping.Flows.Subscriptions)
        {
            return WritePlan.Empty;
        }

        var subscription = SubscriptionEvent.Read(context, mapping);
        var change = SubscriptionChangeClassifier.Classify(
            subscription.Facts, subscription.Revenue.RunRate, context.DataObject, context.Facts.PreviousAttributes, context.Created);
        var (accountExtra, opportunityExtra) = changes.For(change.Kind, subscription);

        // allOrNone stays off even though the expansion Task references the Account GET: the upserts are
        // independent field groups (a stale rejection of one must not undo the others), and if the GET
        // fails only the Task fails with it, reported as PROCESSING_HALTED behind the GET's own error.
        var note = opportunityExtra[mapping.Opportunity.LossReason]?.GetValue<string>();
        var plan = new CompositePlanBuilder();
        records.UpsertAccount(plan, subscription, accountExtra);
        records.UpsertOpportunity(plan, subscription, opportunityExtra);
        if (change.Kind == SubscriptionChangeKind.Renewal)
        {
            renewals.Upsert(plan, subscription);
        }

        // Only the period-end flag is a decision to leave: a cancel_at date alone is a fixed term, whose
        // renewal the sweep creates ahead of that date.
        if (note is not null && change.Kind == SubscriptionChangeKind.CancelAtPeriodEnd && subscription.Facts.CancelAtPeriodEnd)
        {
            renewalCloser.Lose(plan, subscription, note);
        }
        else if (note is not null && change.Kind == SubscriptionChangeKind.Reactivation && !subscription.Facts.CancelAtPeriodEnd && subscription.Facts.CancelAt is null)
        {
            renewalCloser.Reopen(plan, subscription, note);
        }

        if (expansions.IsExpansion(change))
        {
            expansions.Add(plan, subscription, change);
        }

        return plan.Build();
    }
}
