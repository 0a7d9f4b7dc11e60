using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// payment_intent.succeeded → the same entry charge.succeeded writes, keyed by the intent's charge
/// id so the two events dedupe into one record (the intent id only when it names no charge).
/// </summary>
internal sealed class PaymentIntentPlanner(SalesforceMappingOptions options, ChargePlanner charges)
{
    /// <summary>The plan of a payment_intent.succeeded event.</summary>
    public WritePlan Plan(StripeEventContext context)
    {
        var intent = context.Facts.PaymentIntent();

        // Before 2022-11-15 the intent embeds its charges (newest first): map the succeeded one fully.
        if (intent.PayingCharge is { } charge)
        {
            return charges.Plan(context, ChargeEntry.From(charge, options.Payment), intent.CustomerId ?? charge.CustomerId, ChargeEntry.PayerName(charge));
        }

        // Current versions name the charge only: the intent knows amount and currency, not the card,
        // so its write must not make charge.succeeded (with the card) look stale when that event is
        // a second older; both state the same amount and status.
        var latest = intent.LatestChargeId;
        var entry = new PaymentEntry(
            latest ?? intent.Id,
            options.Payment.TypeCharge,
            intent.AmountReceived ?? intent.Amount,
            intent.Currency,
            intent.Status,
            context.Created,
            latest,
            intent.InvoiceId,
            null,
            null,
            CarriesEventTime: latest is null);
        return charges.Plan(context, entry, intent.CustomerId, intent.ReceiptEmail);
    }
}
