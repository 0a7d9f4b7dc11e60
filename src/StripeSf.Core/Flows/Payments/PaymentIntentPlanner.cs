using System.Text.Json;
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
        var intent = context.DataObject;
        var customerId = intent.Str("customer");
        var latest = intent.Str("latest_charge");

        // Before 2022-11-15 the intent embeds its charges (newest first): map the succeeded one fully.
        var embedded = intent.Items("charges")
            .Where(c => latest is null ? c.Str("status") == "succeeded" : c.Str("id") == latest)
            .Select(c => (JsonElement?)c)
            .FirstOrDefault();
        if (embedded is { } charge)
        {
            return charges.Plan(context, ChargeReader.Entry(charge, options.Payment), customerId ?? ChargeReader.CustomerId(charge), ChargeReader.PayerName(charge));
        }

        // Current versions name the charge only: the intent knows amount and currency, not the card,
        // so its write must not make charge.succeeded (with the card) look stale when that event is
        // a second older; both state the same amount and status.
        var id = intent.Required("payment_intent", "id");
        var entry = new PaymentEntry(
            latest ?? id,
            options.Payment.TypeCharge,
            intent.Long("amount_received") ?? intent.Long("amount") ?? 0,
            intent.Required($"payment_intent {id}", "currency"),
            intent.Str("status"),
            context.Created,
            latest,
            intent.Str("invoice"),
            null,
            null,
            CarriesEventTime: latest is null);
        return charges.Plan(context, entry, customerId, intent.Str("receipt_email"));
    }
}
