using System.Text.Json;
using StripeSf.Core.Flows.Shared;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>
/// An invoice as the flows need it, from any API version: the subscription is
/// <c>invoice.subscription</c> before 2025-03-31 and <c>invoice.parent.subscription_details.subscription</c>
/// since; everything else used here has kept its name.
/// </summary>
internal sealed record InvoiceFacts(
    string Id,
    string CustomerId,
    string? CustomerName,
    string? Number,
    string? Status,
    long AmountDue,
    long AmountPaid,
    string Currency,
    long? PeriodStart,
    long? PeriodEnd,
    string? SubscriptionId,
    long AttemptCount,
    long? NextPaymentAttempt,
    string? HostedInvoiceUrl,
    long? PaidAt,
    JsonElement Raw)
{
    /// <summary>Reads <paramref name="invoice"/>; an invoice without customer or currency cannot be mapped.</summary>
    public static InvoiceFacts From(JsonElement invoice)
    {
        var id = invoice.Required("invoice", "id");
        return new InvoiceFacts(
            id,
            invoice.Required($"invoice {id}", "customer"),
            invoice.Str("customer_name") ?? invoice.Str("customer_email"),
            invoice.Str("number"),
            invoice.Str("status"),
            invoice.Long("amount_due") ?? 0,
            invoice.Long("amount_paid") ?? 0,
            invoice.Required($"invoice {id}", "currency"),
            invoice.Long("period_start"),
            invoice.Long("period_end"),
            invoice.Str("subscription") ?? invoice.Str("parent", "subscription_details", "subscription"),
            invoice.Long("attempt_count") ?? 0,
            invoice.Long("next_payment_attempt"),
            invoice.Str("hosted_invoice_url"),
            invoice.Long("status_transitions", "paid_at"),
            invoice);
    }
}
