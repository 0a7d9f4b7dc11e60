using System.Text.Json;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Payments;

/// <summary>Reads a charge (any API version) into its payment entry.</summary>
internal static class ChargeReader
{
    /// <summary>
    /// The charge's entry. <c>Amount__c</c> is cash collected (Lifetime Value is its roll-up), so a
    /// failed charge is recorded with amount 0 and its status; a succeeded charge with its full
    /// amount, refunds being separate negative entries (net = charges − refunds, as Stripe books it).
    /// </summary>
    public static PaymentEntry Entry(JsonElement charge, PaymentMap map)
    {
        var id = charge.Required("charge", "id");
        var status = charge.Str("status");
        var succeeded = status == "succeeded" || (status is null && charge.Flag("paid"));
        var card = ChargeCard.From(charge);
        return new PaymentEntry(
            id,
            map.TypeCharge,
            succeeded ? charge.Long("amount") ?? 0 : 0,
            charge.Required($"charge {id}", "currency"),
            status,
            succeeded && charge.Long("created") is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
            id,
            // charge.invoice exists up to API 2025-02-24; later versions link charges to invoices only from the invoice side.
            charge.Str("invoice"),
            card.Brand,
            card.Last4);
    }

    /// <summary>The charge's customer id, null for a guest payment.</summary>
    public static string? CustomerId(JsonElement charge) => charge.Str("customer");

    /// <summary>A name for an Account created from this charge: the billing name or email.</summary>
    public static string? PayerName(JsonElement charge) =>
        charge.Str("billing_details", "name") ?? charge.Str("billing_details", "email") ?? charge.Str("receipt_email");
}
