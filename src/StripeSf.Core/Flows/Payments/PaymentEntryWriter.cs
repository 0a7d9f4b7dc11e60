using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// Upserts a <see cref="PaymentEntry"/> as <c>Stripe_Payment__c</c> by its Stripe id. An entry that
/// carries the event time is the record's whole snapshot under its stale guard: a value the payload
/// lacks is written as null (a failed charge has no paid time; the card, fixed per charge, is the one
/// exception), since a field a newer writer of the
/// guard leaves out would keep the older value in one delivery order only. A partial view without the
/// event time (payment_intent.succeeded at a current API version: no card) writes only what every
/// event about the charge states alike — type, amount, currency, status, charge id — so, unguarded,
/// it agrees with the charge's own event in any order and never clears what that event wrote.
/// </summary>
internal sealed class PaymentEntryWriter(SalesforceMappingOptions options)
{
    /// <summary>Adds the upsert, hung on the Account with Stripe customer id <paramref name="customerId"/>.</summary>
    public void UpsertForCustomer(CompositePlanBuilder plan, string referenceId, PaymentEntry entry, DateTimeOffset eventCreated, string customerId)
    {
        var fields = Fields(entry, eventCreated);
        fields[options.Payment.AccountRelationship] = CompositePlanBuilder.ByExternalId(options.Account.ExternalId, customerId);
        plan.Upsert(referenceId, options.Payment.Object, options.Payment.ExternalId, entry.Id, fields);
    }

    /// <summary>Adds the upsert, hung on the Account whose Id is <paramref name="accountIdReference"/> (a composite reference).</summary>
    public void UpsertForAccountId(CompositePlanBuilder plan, string referenceId, PaymentEntry entry, DateTimeOffset eventCreated, string accountIdReference)
    {
        var fields = Fields(entry, eventCreated);
        fields[BillingLookup.IdField(options.Payment.AccountRelationship)] = accountIdReference;
        plan.Upsert(referenceId, options.Payment.Object, options.Payment.ExternalId, entry.Id, fields);
    }

    private JsonObject Fields(PaymentEntry entry, DateTimeOffset eventCreated)
    {
        var map = options.Payment;
        var fields = new JsonObject { [map.Type] = entry.Type };
        BillingMoney.Write(fields, options, map.Amount, map.Currency, entry.SignedMinorUnits, entry.Currency);
        // Present on every real charge (the charge id is absent only for an intent without one, whose
        // entry has no other writer).
        Set(fields, map.Status, entry.Status);
        Set(fields, map.ChargeId, entry.ChargeId);
        if (!entry.CarriesEventTime)
        {
            return fields;
        }

        fields[map.PaidAt] = entry.PaidAt is { } paidAt ? SalesforceValues.DateTime(paidAt) : null;
        fields[map.InvoiceId] = entry.InvoiceId;

        // The card is the charge's and never changes: every writer of the entry reads it from the same
        // charge, so a payment without a card (a bank debit) sends no card field at all.
        Set(fields, map.CardBrand, entry.CardBrand);
        Set(fields, map.CardLast4, entry.CardLast4);
        fields[map.LastEventAt] = SalesforceValues.DateTime(eventCreated);
        return fields;
    }

    private static void Set(JsonObject fields, string field, string? value)
    {
        if (value is not null)
        {
            fields[field] = value;
        }
    }
}
