using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// customer.subscription.deleted → the Account's subscription fields (status canceled, MRR/ARR 0), its
/// Billing Status Churned, the subscription's Opportunity with the cancellation reason, the term's open
/// renewal Opportunity closed as Lost with the same reason, and — when a
/// win-back Campaign is configured — the customer's Contact added to it.
/// </summary>
internal sealed class SubscriptionDeletedPlanner(SalesforceMappingOptions mapping, AccountWriter accounts, SubscriptionRecords records, RenewalCloser renewals, WinBackWriter winBack)
{
    /// <summary>Reference id of the Account's billing-group upsert.</summary>
    public const string ChurnAccountRef = "churnAccount";

    /// <summary>The plan of a customer.subscription.deleted event.</summary>
    public WritePlan Plan(StripeEventContext context)
    {
        if (!mapping.Flows.Subscriptions)
        {
            return WritePlan.Empty;
        }

        var subscription = SubscriptionEvent.Read(context, mapping);
        var facts = subscription.Facts;
        var account = mapping.Account;

        // allOrNone stays off: the CampaignMember POST references the Contact GET, but a missing Contact
        // or an existing membership must not undo the churn written to the Account and Opportunity.
        var plan = new CompositePlanBuilder();
        records.UpsertAccount(plan, subscription, new JsonObject());

        // Billing Status belongs to the billing field group, so it is a second upsert stamped with the
        // billing group's event time: an older invoice event arriving later cannot undo the churn, and a
        // newer one rejecting this group as stale leaves the subscription group written.
        accounts.Upsert(plan, ChurnAccountRef, facts.CustomerId, new JsonObject
        {
            [account.BillingStatus] = account.BillingChurned,
            [account.BillingEventAt] = subscription.EventAt,
        }, facts.CustomerName);

        var reason = CancellationNote.For(facts, context.Created);
        records.UpsertOpportunity(plan, subscription, new JsonObject
        {
            [mapping.Opportunity.LossReason] = reason,
        });
        renewals.Lose(plan, subscription, reason);

        if (!winBack.IsConfigured)
        {
            return plan.Build();
        }

        winBack.Add(plan, facts.CustomerId);
        return plan.Build();
    }
}
