using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// customer.subscription.updated → the Account's subscription fields and the subscription's Opportunity,
/// plus the targeted update of the change <see cref="SubscriptionChangeClassifier"/> names: a renewal
/// Opportunity, an expansion Opportunity and owner Task, the Account at risk on a scheduled cancellation.
/// </summary>
public sealed class CustomerSubscriptionUpdatedHandler : IEventHandler
{
    private readonly SalesforceMappingOptions _mapping;
    private readonly SubscriptionRecords _records;
    private readonly ChangeUpdates _changes;
    private readonly RenewalWriter _renewals;
    private readonly ExpansionWriter _expansions;

    /// <summary>Builds the handler from the mapping.</summary>
    public CustomerSubscriptionUpdatedHandler(IOptions<SalesforceMappingOptions> options)
    {
        var accounts = new AccountWriter(options);
        _mapping = options.Value;
        _records = new SubscriptionRecords(_mapping, accounts);
        _changes = new ChangeUpdates(_mapping);
        _renewals = new RenewalWriter(_mapping, accounts, _records);
        _expansions = new ExpansionWriter(_mapping, accounts, _records);
    }

    /// <inheritdoc />
    public string EventType => "customer.subscription.updated";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context)
    {
        if (!_mapping.Flows.Subscriptions)
        {
            return CompositeRequest.Empty;
        }

        var subscription = SubscriptionEvent.Read(context, _mapping);
        var change = SubscriptionChangeClassifier.Classify(
            subscription.Facts, subscription.Revenue.RunRate, context.DataObject, context.Facts.PreviousAttributes, context.Created);
        var (accountExtra, opportunityExtra) = _changes.For(change.Kind, subscription);

        // allOrNone stays off even though the expansion Task references the Account GET: the upserts are
        // independent field groups (a stale rejection of one must not undo the others), and if the GET
        // fails only the Task fails with it, reported as PROCESSING_HALTED behind the GET's own error.
        var plan = new CompositePlanBuilder();
        _records.UpsertAccount(plan, subscription, accountExtra);
        _records.UpsertOpportunity(plan, subscription, opportunityExtra);
        if (change.Kind == SubscriptionChangeKind.Renewal)
        {
            _renewals.Upsert(plan, subscription);
        }

        if (_expansions.IsExpansion(change))
        {
            _expansions.Add(plan, subscription, change);
        }

        return plan.Build();
    }
}
