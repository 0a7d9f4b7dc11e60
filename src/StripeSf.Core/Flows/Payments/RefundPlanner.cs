using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// charge.refunded → one negative <c>Stripe_Payment__c</c> entry per refund (see <see cref="RefundEntries"/>)
/// and the Account, with Customer Health re-derived from the refund (a full refund is At Risk).
/// </summary>
internal sealed class RefundPlanner(SalesforceMappingOptions map, AccountWriter accounts, PaymentEntryWriter entryWriter)
{
    /// <summary>The plan of a charge.refunded event.</summary>
    public WritePlan Plan(StripeEventContext context)
    {
        if (!map.Flows.Payments)
        {
            return WritePlan.Empty;
        }

        var charge = context.Facts.Charge();
        if (charge.CustomerId is not { } customerId)
        {
            return WritePlan.Empty;
        }

        var plan = new CompositePlanBuilder();
        var billing = new BillingAccountFields(map.Account).Health(BillingCustomerHealth.ForRefund(charge.FullyRefunded, map.Account));
        billing.Upsert(accounts, plan, context, "account", customerId, ChargeEntry.PayerName(charge));
        var entries = RefundEntries.From(charge, map.Payment, context.Created);
        for (var i = 0; i < entries.Count; i++)
        {
            entryWriter.UpsertForCustomer(plan, $"refund{i}", entries[i], context.Created, customerId);
        }

        // Not all-or-none: every entry is linked by external id, none references another result.
        return plan.Build();
    }
}
