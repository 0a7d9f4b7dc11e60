using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>customer.subscription.resumed → the Account's subscription fields and the subscription's Opportunity.</summary>
public sealed class CustomerSubscriptionResumedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly SubscriptionRecords _records = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "customer.subscription.resumed";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _records.Baseline(context);
}
