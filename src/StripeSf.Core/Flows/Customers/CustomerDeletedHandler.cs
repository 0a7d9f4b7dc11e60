using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Customers;

/// <summary>
/// customer.deleted → nothing is deleted in Salesforce: the Account and Contact are kept (they carry
/// payment history), refreshed from the final snapshot, and the Account gets the deletion time.
/// </summary>
public sealed class CustomerDeletedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly CustomerPlanner _planner = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "customer.deleted";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.Plan(context, deleted: true);
}
