using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// A charge's entry and the Account it hangs on, in one request. A payment without a customer
/// (guest checkout) has no Account to hang on: it completes with nothing to write.
/// </summary>
internal sealed class ChargePlanner(SalesforceMappingOptions options, AccountWriter accounts, PaymentEntryWriter entries)
{
    private readonly PaymentEntryWriter _entries = entries;

    /// <summary>The plan for the charge that is the event's object (charge.succeeded, charge.failed).</summary>
    public WritePlan PlanCharge(StripeEventContext context)
    {
        var charge = context.Facts.Charge();
        return Plan(context, ChargeEntry.From(charge, options.Payment), charge.CustomerId, ChargeEntry.PayerName(charge));
    }

    /// <summary>The plan for <paramref name="entry"/> of customer <paramref name="customerId"/>.</summary>
    public WritePlan Plan(StripeEventContext context, PaymentEntry entry, string? customerId, string? payerName)
    {
        if (!options.Flows.Payments || customerId is null)
        {
            return WritePlan.Empty;
        }

        var plan = new CompositePlanBuilder();
        var billing = new BillingAccountFields(options.Account);
        if (entry.PaidAt is { } paidAt && entry.SignedMinorUnits > 0)
        {
            billing.LastPayment(paidAt);
        }

        // The Account goes first so that, on first sight, it exists before the entry's master-detail
        // is resolved; not all-or-none, because the entry is linked by external id (no reference) and
        // must still be written when the Account's billing group is skipped as stale.
        billing.Upsert(accounts, plan, context, "account", customerId, payerName);
        _entries.UpsertForCustomer(plan, "payment", entry, context.Created, customerId);
        return plan.Build();
    }
}
