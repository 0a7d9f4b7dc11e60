using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>invoice.payment_failed → Account Billing Status Payment Overdue, the invoice, and a high-priority Task for the Account owner, idempotent per invoice and attempt.</summary>
public sealed class InvoicePaymentFailedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly InvoicePlanner _planner = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public string EventType => "invoice.payment_failed";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => _planner.PaymentFailed(context);
}
