using System.Text.Json;

namespace StripeSf.Core.Facts;

/// <summary>
/// One invoice line. 2025-03-31.basil moved its links under <c>parent</c>: <c>subscription</c>,
/// <c>subscription_item</c> and <c>proration</c> are top-level before basil and under
/// <c>parent.subscription_item_details</c> (or <c>parent.invoice_item_details</c>) since, where
/// <c>type</c> is gone too, and the price is only an id at <c>pricing.price_details.price</c> (an
/// expanded <c>price</c> and/or legacy <c>plan</c> before). Amounts are minor units.
/// </summary>
public sealed record InvoiceLineFacts
{
    /// <summary>Line id (<c>il_…</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Line amount.</summary>
    public long Amount { get; init; }

    /// <summary>Lower-case currency.</summary>
    public string? Currency { get; init; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Quantity.</summary>
    public long? Quantity { get; init; }

    /// <summary><c>period.start</c>.</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    /// <summary><c>period.end</c>.</summary>
    public DateTimeOffset? PeriodEnd { get; init; }

    /// <summary>True for a proration line (top-level <c>proration</c> before basil, under the parent since).</summary>
    public bool Proration { get; init; }

    /// <summary>True for a line a subscription billed (<c>type: subscription</c> before basil, a <c>subscription_item_details</c> parent since).</summary>
    public bool FromSubscription { get; init; }

    /// <summary>The subscription that billed the line.</summary>
    public string? SubscriptionId { get; init; }

    /// <summary>The subscription item that billed the line.</summary>
    public string? SubscriptionItemId { get; init; }

    /// <summary>The expanded price or legacy plan, when the payload carries one (before basil).</summary>
    public PriceFacts? Price { get; init; }

    /// <summary>The price id: the expanded price's, else <c>pricing.price_details.price</c> (basil on).</summary>
    public string? PriceId { get; init; }

    internal static InvoiceLineFacts From(StripeJson line)
    {
        var price = PriceFacts.Of(line);
        var parentItem = line.Object("parent.subscription_item_details");
        var parentInvoiceItem = line.Object("parent.invoice_item_details");
        return new InvoiceLineFacts
        {
            Id = line.String("id"),
            Amount = line.Long("amount") ?? 0,
            Currency = line.String("currency"),
            Description = line.String("description"),
            Quantity = line.Long("quantity"),
            PeriodStart = line.Time("period.start"),
            PeriodEnd = line.Time("period.end"),
            Proration = (line.Bool("proration") ?? false) || (parentItem?.Bool("proration") ?? false) || (parentInvoiceItem?.Bool("proration") ?? false),
            FromSubscription = line.String("type") == "subscription" || parentItem is not null || line.Get("price.recurring") is not null,
            SubscriptionId = parentItem?.Id("subscription") ?? parentInvoiceItem?.Id("subscription") ?? line.Id("subscription"),
            SubscriptionItemId = parentItem?.Id("subscription_item") ?? line.Id("subscription_item"),
            Price = price,
            PriceId = price?.Id ?? line.Id("pricing.price_details.price"),
        };
    }
}

/// <summary>
/// An invoice, the same at every API version from 2020-08-27 on:
/// <list type="bullet">
/// <item><description>the subscription is <c>subscription</c> before 2025-03-31.basil and
/// <c>parent.subscription_details.subscription</c> since;</description></item>
/// <item><description><c>charge</c>, <c>payment_intent</c> and <c>paid</c> exist only before basil
/// (<see cref="ChargeId"/>/<see cref="PaymentIntentId"/> are null since; <see cref="Paid"/> falls back
/// to <c>status == paid</c>);</description></item>
/// <item><description>lines: see <see cref="InvoiceLineFacts"/>.</description></item>
/// </list>
/// Amounts are minor units.
/// </summary>
public sealed record InvoiceFacts
{
    /// <summary>Invoice id (<c>in_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Customer id.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Lower-case currency.</summary>
    public required string Currency { get; init; }

    /// <summary><c>customer_name</c>.</summary>
    public string? CustomerName { get; init; }

    /// <summary><c>customer_email</c>.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary><c>number</c> (set at finalization).</summary>
    public string? Number { get; init; }

    /// <summary>draft, open, paid, uncollectible, void.</summary>
    public string? Status { get; init; }

    /// <summary><c>billing_reason</c> (subscription_create, subscription_cycle, manual…).</summary>
    public string? BillingReason { get; init; }

    /// <summary>Amount due.</summary>
    public long AmountDue { get; init; }

    /// <summary>Amount paid.</summary>
    public long AmountPaid { get; init; }

    /// <summary>Amount remaining.</summary>
    public long AmountRemaining { get; init; }

    /// <summary>Total.</summary>
    public long Total { get; init; }

    /// <summary><c>period_start</c>.</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    /// <summary><c>period_end</c>.</summary>
    public DateTimeOffset? PeriodEnd { get; init; }

    /// <summary>The subscription that generated the invoice, in either shape.</summary>
    public string? SubscriptionId { get; init; }

    /// <summary><c>attempt_count</c>.</summary>
    public long AttemptCount { get; init; }

    /// <summary><c>next_payment_attempt</c>.</summary>
    public DateTimeOffset? NextPaymentAttempt { get; init; }

    /// <summary><c>hosted_invoice_url</c>.</summary>
    public string? HostedInvoiceUrl { get; init; }

    /// <summary><c>status_transitions.paid_at</c>.</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>Paid: the <c>paid</c> flag before basil, else <c>status == paid</c>.</summary>
    public bool Paid { get; init; }

    /// <summary><c>charge</c> (before basil only).</summary>
    public string? ChargeId { get; init; }

    /// <summary><c>payment_intent</c> (before basil only).</summary>
    public string? PaymentIntentId { get; init; }

    /// <summary>The lines in the payload (Stripe embeds the first page).</summary>
    public IReadOnlyList<InvoiceLineFacts> Lines { get; init; } = [];

    /// <summary>The first non-proration line a subscription billed, if any.</summary>
    public InvoiceLineFacts? RecurringLine => Lines.FirstOrDefault(l => l.FromSubscription && !l.Proration);

    /// <summary>The event's API version, when known.</summary>
    public StripeApiVersion? ApiVersion { get; init; }

    /// <summary>Reads an invoice object; an invoice without id, customer or currency cannot be mapped.</summary>
    /// <exception cref="Processing.UnmappableEventException">No id, customer or currency.</exception>
    public static InvoiceFacts From(JsonElement invoice, StripeApiVersion? apiVersion = null)
    {
        var json = new StripeJson(invoice, "invoice");
        var id = json.RequiredId("id");
        json = new StripeJson(invoice, $"invoice {id}");
        return new InvoiceFacts
        {
            Id = id,
            CustomerId = json.RequiredId("customer"),
            Currency = json.RequiredId("currency"),
            CustomerName = json.String("customer_name"),
            CustomerEmail = json.String("customer_email"),
            Number = json.String("number"),
            Status = json.String("status"),
            BillingReason = json.String("billing_reason"),
            AmountDue = json.Long("amount_due") ?? 0,
            AmountPaid = json.Long("amount_paid") ?? 0,
            AmountRemaining = json.Long("amount_remaining") ?? 0,
            Total = json.Long("total") ?? 0,
            PeriodStart = json.Time("period_start"),
            PeriodEnd = json.Time("period_end"),
            SubscriptionId = json.Id("subscription") ?? json.Id("parent.subscription_details.subscription"),
            AttemptCount = json.Long("attempt_count") ?? 0,
            NextPaymentAttempt = json.Time("next_payment_attempt"),
            HostedInvoiceUrl = json.String("hosted_invoice_url"),
            PaidAt = json.Time("status_transitions.paid_at"),
            Paid = json.Bool("paid") ?? json.String("status") == "paid",
            ChargeId = json.Id("charge"),
            PaymentIntentId = json.Id("payment_intent"),
            Lines = [.. json.List("lines").Select(InvoiceLineFacts.From)],
            ApiVersion = apiVersion,
        };
    }
}
