using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>customer.subscription.paused (a trial ended without a payment method) → the Account's subscription fields and the subscription's Opportunity.</summary>
public sealed class CustomerSubscriptionPausedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly SubscriptionRecords _records = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "customer.subscription.paused";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _records.Baseline(context);
}
