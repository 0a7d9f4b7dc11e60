using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Disputes;

/// <summary>charge.dispute.closed → the Case closed with the outcome; a negative Dispute entry when lost; Customer Health from the outcome.</summary>
public sealed class ChargeDisputeClosedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly DisputePlanner _planner = new(options.Value);

    /// <inheritdoc />
    public string EventType => "charge.dispute.closed";

    /// <inheritdoc />
    public bool WaitsForAnotherEvent(CompositeSubrequestFailure failure) => DisputePlanner.ChargeNotSyncedYet(failure);

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.Plan(context, closed: true);
}
