using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>invoice.finalized → <c>Stripe_Invoice__c</c> upsert (and the Account it hangs on, billing fields untouched).</summary>
public sealed class InvoiceFinalizedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly InvoicePlanner _planner = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "invoice.finalized";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.Finalized(context);
}
