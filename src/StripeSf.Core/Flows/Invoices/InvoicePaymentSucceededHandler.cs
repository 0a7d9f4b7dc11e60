using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>invoice.payment_succeeded → <c>Stripe_Invoice__c</c> upsert; Account Billing Status Current and Last Payment Date.</summary>
public sealed class InvoicePaymentSucceededHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly InvoicePlanner _planner = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "invoice.payment_succeeded";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.Paid(context);
}
