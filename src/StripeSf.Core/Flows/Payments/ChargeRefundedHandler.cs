using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// charge.refunded → one negative <c>Stripe_Payment__c</c> entry per refund (see <see cref="RefundEntries"/>)
/// and the Account, with Customer Health re-derived from the refund (a full refund is At Risk).
/// </summary>
public sealed class ChargeRefundedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly AccountWriter _accounts = new(options);
    private readonly PaymentEntryWriter _entries = new(options.Value);

    /// <inheritdoc />
    public string EventType => "charge.refunded";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context)
    {
        var map = options.Value;
        var charge = context.DataObject;
        if (!map.Flows.Payments || ChargeReader.CustomerId(charge) is not { } customerId)
        {
            return CompositeRequest.Empty;
        }

        var plan = new CompositePlanBuilder();
        var billing = new BillingAccountFields(map.Account).Health(BillingCustomerHealth.ForRefund(RefundEntries.IsFull(charge), map.Account));
        billing.Upsert(_accounts, plan, context, "account", customerId, ChargeReader.PayerName(charge));
        var entries = RefundEntries.From(charge, map.Payment, context.Created);
        for (var i = 0; i < entries.Count; i++)
        {
            _entries.UpsertForCustomer(plan, $"refund{i}", entries[i], context.Created, customerId);
        }

        // Not all-or-none: every entry is linked by external id, none references another result.
        return plan.Build();
    }
}
