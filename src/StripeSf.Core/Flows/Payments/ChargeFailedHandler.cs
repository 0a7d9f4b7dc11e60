using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// charge.failed → the charge's <c>Stripe_Payment__c</c> entry (keyed by ch_ id, amount 0, status
/// failed) and its Account, whose billing fields it leaves alone: the invoice events say what a
/// failed payment means for the customer.
/// </summary>
public sealed class ChargeFailedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly ChargePlanner _planner = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "charge.failed";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.PlanCharge(context);
}
