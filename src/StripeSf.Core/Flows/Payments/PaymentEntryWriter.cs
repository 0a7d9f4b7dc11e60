using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// Upserts a <see cref="PaymentEntry"/> as <c>Stripe_Payment__c</c> by its Stripe id. Only values the
/// payload has are sent, so an event that knows less (payment_intent.succeeded at a current API
/// version has no card details) never clears what another event about the same charge wrote.
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
        Set(fields, map.Status, entry.Status);
        Set(fields, map.PaidAt, entry.PaidAt is { } paidAt ? SalesforceValues.DateTime(paidAt) : null);
        Set(fields, map.ChargeId, entry.ChargeId);
        Set(fields, map.InvoiceId, entry.InvoiceId);
        Set(fields, map.CardBrand, entry.CardBrand);
        Set(fields, map.CardLast4, entry.CardLast4);
        if (entry.CarriesEventTime)
        {
            fields[map.LastEventAt] = SalesforceValues.DateTime(eventCreated);
        }

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
