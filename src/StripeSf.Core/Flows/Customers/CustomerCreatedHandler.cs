using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Customers;

/// <summary>customer.created → Account (customer group) and Contact upserted by the Stripe customer id.</summary>
public sealed class CustomerCreatedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly CustomerPlanner _planner = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "customer.created";

    /// <inheritdoc />
    /// <remarks>A new customer normally has no Account yet; if another event created it first with a placeholder name, the customer's own name replaces it.</remarks>
    public bool ExpectsNewRecords => true;

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.Plan(context, deleted: false);
}
