using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Disputes;

/// <summary>charge.dispute.created → high-priority Case keyed by the dispute id, linked to the charge's Account; Customer Health Critical.</summary>
public sealed class ChargeDisputeCreatedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly DisputePlanner _planner = new(options.Value);

    /// <inheritdoc />
    public string EventType => "charge.dispute.created";

    /// <inheritdoc />
    public bool WaitsForAnotherEvent(CompositeSubrequestFailure failure) => DisputePlanner.ChargeNotSyncedYet(failure);

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.Plan(context, closed: false);
}
