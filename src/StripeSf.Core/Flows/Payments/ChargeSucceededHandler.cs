using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Payments;

/// <summary>charge.succeeded → the charge's <c>Stripe_Payment__c</c> entry (keyed by ch_ id) and its Account.</summary>
public sealed class ChargeSucceededHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly ChargePlanner _planner = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "charge.succeeded";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.PlanCharge(context);
}
