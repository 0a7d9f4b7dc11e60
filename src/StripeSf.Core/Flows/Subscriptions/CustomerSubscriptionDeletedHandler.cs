using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// customer.subscription.deleted → the Account's subscription fields (status canceled, MRR/ARR 0), its
/// Billing Status Churned, the subscription's Opportunity with the cancellation reason, and — when a
/// win-back Campaign is configured — the customer's Contact added to it.
/// </summary>
public sealed class CustomerSubscriptionDeletedHandler : IEventHandler
{
    /// <summary>Reference id of the Account's billing-group upsert.</summary>
    public const string ChurnAccountRef = "churnAccount";

    private readonly SalesforceMappingOptions _mapping;
    private readonly AccountWriter _accounts;
    private readonly SubscriptionRecords _records;
    private readonly WinBackWriter _winBack;

    /// <summary>Builds the handler from the mapping.</summary>
    public CustomerSubscriptionDeletedHandler(IOptions<SalesforceMappingOptions> options)
    {
        _mapping = options.Value;
        _accounts = new AccountWriter(options);
        _records = new SubscriptionRecords(_mapping, _accounts);
        _winBack = new WinBackWriter(_mapping);
    }

    /// <inheritdoc />
    public string EventType => "customer.subscription.deleted";

    /// <inheritdoc />
    public bool CountsAsDone(CompositeSubrequestFailure failure) =>
        CampaignMemberOutcome.CountsAsDone(failure.ReferenceId, failure.Code, failure.Message);

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context)
    {
        if (!_mapping.Flows.Subscriptions)
        {
            return CompositeRequest.Empty;
        }

        var subscription = SubscriptionEvent.Read(context, _mapping);
        var facts = subscription.Facts;
        var account = _mapping.Account;

        // allOrNone stays off: the CampaignMember POST references the Contact GET, but a missing Contact
        // or an existing membership must not undo the churn written to the Account and Opportunity.
        var plan = new CompositePlanBuilder();
        _records.UpsertAccount(plan, subscription, new JsonObject());

        // Billing Status belongs to the billing field group, so it is a second upsert stamped with the
        // billing group's event time: an older invoice event arriving later cannot undo the churn, and a
        // newer one rejecting this group as stale leaves the subscription group written.
        _accounts.Upsert(plan, context, ChurnAccountRef, facts.CustomerId, new JsonObject
        {
            [account.BillingStatus] = account.BillingChurned,
            [account.BillingEventAt] = subscription.EventAt,
        }, facts.CustomerName);

        _records.UpsertOpportunity(plan, subscription, new JsonObject
        {
            [_mapping.Opportunity.LossReason] = CancellationNote.For(facts, context.Created),
        });

        if (!_winBack.IsConfigured)
        {
            return plan.Build();
        }

        var member = _winBack.Add(plan, facts.CustomerId);
        return plan.Build().Append(member);
    }
}
