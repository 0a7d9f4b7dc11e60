using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// customer.subscription.created → the Account's subscription fields, and either the subscription's
/// own Opportunity or — when the subscription's (or its expanded customer's) metadata names an
/// Opportunity — that Opportunity closed with the subscription, plus a Contract on the Account.
/// </summary>
internal sealed class SubscriptionCreatedPlanner(SalesforceMappingOptions mapping, SubscriptionRecords records, DealCloser deals)
{
    private readonly SalesforceMappingOptions _mapping = mapping;
    private readonly SubscriptionRecords _records = records;
    private readonly DealCloser _deals = deals;

    /// <summary>The plan of a customer.subscription.created event.</summary>
    public WritePlan Plan(StripeEventContext context)
    {
        var flows = _mapping.Flows;
        if (!flows.Subscriptions && !flows.DealClosing)
        {
            return WritePlan.Empty;
        }

        var subscription = SubscriptionEvent.Read(context, _mapping);
        var facts = subscription.Facts;
        var opportunityId = flows.DealClosing
            ? OpportunityIdMetadata.Find(_mapping.OpportunityIdMetadataKey, $"subscription {facts.Id}", facts.Metadata, facts.CustomerMetadata)
            : null;
        if (opportunityId is null && !flows.Subscriptions)
        {
            return WritePlan.Empty;
        }

        // Every subrequest is an upsert or a PATCH that stands alone (lookups go through the Account's
        // external id), so allOrNone stays off: a stale rejection of one group must not undo the others.
        var plan = new CompositePlanBuilder();
        if (flows.Subscriptions)
        {
            _records.UpsertAccount(plan, subscription, new JsonObject());
        }
        else
        {
            _deals.EnsureAccount(plan, facts.CustomerId, facts.CustomerName);
        }

        if (opportunityId is null)
        {
            _records.UpsertOpportunity(plan, subscription, new JsonObject());
            return plan.Build();
        }

        _deals.UpsertContract(plan, context, facts.Id, facts.CustomerId, facts.StartDate ?? context.Created,
            ContractTerm.Months(subscription.Revenue.RunRate), subscription.Revenue.PlanName);
        _deals.CloseOpportunity(plan, opportunityId, facts.Id, _records.OpportunityFields(subscription));
        return plan.Build();
    }
}
