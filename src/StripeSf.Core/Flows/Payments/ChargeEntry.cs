using StripeSf.Core.Facts;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Payments;

/// <summary>A charge's payment entry and payer name, mapped from its <see cref="ChargeFacts"/> (any API version).</summary>
internal static class ChargeEntry
{
    /// <summary>
    /// The charge's entry. <c>Amount__c</c> is cash collected (Lifetime Value is its roll-up), so a
    /// failed charge is recorded with amount 0 and its status; a succeeded charge with its full
    /// amount, refunds being separate negative entries (net = charges − refunds, as Stripe books it).
    /// The card is brand and last 4 only: the facts read no other card or bank data.
    /// </summary>
    public static PaymentEntry From(ChargeFacts charge, PaymentMap map) => new(
        charge.Id,
        map.TypeCharge,
        charge.Succeeded ? charge.Amount : 0,
        charge.Currency,
        charge.Status,
        charge.Succeeded ? charge.Created : null,
        charge.Id,
        // charge.invoice exists up to API 2025-02-24; later versions link charges to invoices only from the invoice side.
        charge.InvoiceId,
        charge.CardBrand,
        charge.CardLast4);

    /// <summary>A name for an Account created from this charge: the billing name or email.</summary>
    public static string? PayerName(ChargeFacts charge) => charge.BillingName ?? charge.BillingEmail ?? charge.ReceiptEmail;
}
