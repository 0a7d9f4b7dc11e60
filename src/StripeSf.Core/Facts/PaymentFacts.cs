using System.Text.Json;

namespace StripeSf.Core.Facts;

/// <summary>One refund. Amounts are minor units.</summary>
public sealed record RefundFacts
{
    /// <summary>Refund id (<c>re_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Refunded amount.</summary>
    public long Amount { get; init; }

    /// <summary>Lower-case currency; null when not sent.</summary>
    public string? Currency { get; init; }

    /// <summary>pending, succeeded, failed, canceled, requires_action.</summary>
    public string? Status { get; init; }

    /// <summary>The refunded charge id.</summary>
    public string? ChargeId { get; init; }

    /// <summary>The refunded payment intent id.</summary>
    public string? PaymentIntentId { get; init; }

    /// <summary>When the refund was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Reads a refund object (a <c>refund.*</c> event's object or an entry of <c>charge.refunds</c>).</summary>
    /// <exception cref="Processing.UnmappableEventException">No id.</exception>
    public static RefundFacts From(JsonElement refund) => From(new StripeJson(refund, "refund"));

    internal static RefundFacts From(StripeJson refund) => new()
    {
        Id = refund.RequiredId("id"),
        Amount = refund.Long("amount") ?? 0,
        Currency = refund.String("currency"),
        Status = refund.String("status"),
        ChargeId = refund.Id("charge"),
        PaymentIntentId = refund.Id("payment_intent"),
        Created = refund.Time("created"),
    };
}

/// <summary>
/// A charge, the same at every API version from 2020-08-27 on:
/// <list type="bullet">
/// <item><description><c>refunds</c> is embedded (auto-expanded, newest first, up to 10) before
/// 2022-11-15 and absent since unless expanded: <see cref="Refunds"/> holds what the payload carries
/// and <see cref="RefundsEmbedded"/> says whether that list speaks for the charge;</description></item>
/// <item><description><c>invoice</c> exists up to 2025-02-24.acacia and was removed in 2025-03-31.basil
/// (invoices link their payments from the invoice side since);</description></item>
/// <item><description>the card is <c>payment_method_details.card</c> (or <c>card_present</c>), else the
/// legacy <c>source</c> card.</description></item>
/// </list>
/// Amounts are minor units.
/// </summary>
public sealed record ChargeFacts
{
    /// <summary>Charge id (<c>ch_…</c> or <c>py_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Lower-case currency.</summary>
    public required string Currency { get; init; }

    /// <summary>Amount charged.</summary>
    public long Amount { get; init; }

    /// <summary>Cumulative amount refunded.</summary>
    public long AmountRefunded { get; init; }

    /// <summary>succeeded, pending, failed; null on payloads that only send <c>paid</c>.</summary>
    public string? Status { get; init; }

    /// <summary>True when the charge succeeded (<c>status</c>, else the legacy <c>paid</c> flag).</summary>
    public bool Succeeded { get; init; }

    /// <summary><c>refunded</c>: the whole amount has been refunded.</summary>
    public bool Refunded { get; init; }

    /// <summary>True when refunded in full (<c>refunded</c>, or <c>amount_refunded</c> ≥ <c>amount</c>).</summary>
    public bool FullyRefunded => Refunded || (Amount > 0 && AmountRefunded >= Amount);

    /// <summary>When the charge was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Customer id; null for a guest payment.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The charge's payment intent id.</summary>
    public string? PaymentIntentId { get; init; }

    /// <summary>The invoice id (only up to 2025-02-24.acacia; null since basil).</summary>
    public string? InvoiceId { get; init; }

    /// <summary><c>billing_details.name</c>.</summary>
    public string? BillingName { get; init; }

    /// <summary><c>billing_details.email</c>.</summary>
    public string? BillingEmail { get; init; }

    /// <summary><c>receipt_email</c>.</summary>
    public string? ReceiptEmail { get; init; }

    /// <summary>Card brand (the only card data read, with <see cref="CardLast4"/>).</summary>
    public string? CardBrand { get; init; }

    /// <summary>Card last 4.</summary>
    public string? CardLast4 { get; init; }

    /// <summary>The refunds in the payload (newest first); empty when not embedded.</summary>
    public IReadOnlyList<RefundFacts> Refunds { get; init; } = [];

    /// <summary>True when the payload carries the <c>refunds</c> list (auto-expanded before 2022-11-15, or expanded by request).</summary>
    public bool RefundsEmbedded { get; init; }

    /// <summary>The event's API version, when known.</summary>
    public StripeApiVersion? ApiVersion { get; init; }

    /// <summary>Reads a charge object.</summary>
    /// <exception cref="Processing.UnmappableEventException">No id or no currency.</exception>
    public static ChargeFacts From(JsonElement charge, StripeApiVersion? apiVersion = null) =>
        From(new StripeJson(charge, "charge"), apiVersion);

    internal static ChargeFacts From(StripeJson charge, StripeApiVersion? apiVersion)
    {
        var id = charge.RequiredId("id");
        charge = new StripeJson(charge.Element, $"charge {id}");
        var status = charge.String("status");
        var (brand, last4) = Card(charge);
        return new ChargeFacts
        {
            Id = id,
            Currency = charge.RequiredId("currency"),
            Amount = charge.Long("amount") ?? 0,
            AmountRefunded = charge.Long("amount_refunded") ?? 0,
            Status = status,
            Succeeded = status == "succeeded" || (status is null && charge.Bool("paid") == true),
            Refunded = charge.Bool("refunded") ?? false,
            Created = charge.Time("created"),
            CustomerId = charge.Id("customer"),
            PaymentIntentId = charge.Id("payment_intent"),
            InvoiceId = charge.Id("invoice"),
            BillingName = charge.String("billing_details.name"),
            BillingEmail = charge.String("billing_details.email"),
            ReceiptEmail = charge.String("receipt_email"),
            CardBrand = brand,
            CardLast4 = last4,
            Refunds = [.. charge.List("refunds").Where(r => r.String("id") is not null).Select(RefundFacts.From)],
            RefundsEmbedded = charge.HasList("refunds"),
            ApiVersion = apiVersion,
        };
    }

    private static (string? Brand, string? Last4) Card(StripeJson charge)
    {
        foreach (var kind in (string[])["card", "card_present"])
        {
            if (charge.Object($"payment_method_details.{kind}") is { } card)
            {
                return (card.String("brand"), card.String("last4"));
            }
        }

        return charge.String("source.object") == "card" ? (charge.String("source.brand"), charge.String("source.last4")) : (null, null);
    }
}

/// <summary>
/// A payment intent: before 2022-11-15 it embeds its <c>charges</c> list (newest first); since, it names
/// only <c>latest_charge</c>. <c>invoice</c> exists up to 2025-02-24.acacia (removed in basil).
/// Amounts are minor units.
/// </summary>
public sealed record PaymentIntentFacts
{
    /// <summary>Payment intent id (<c>pi_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Lower-case currency.</summary>
    public required string Currency { get; init; }

    /// <summary>Amount requested.</summary>
    public long Amount { get; init; }

    /// <summary>Amount received; null when not sent.</summary>
    public long? AmountReceived { get; init; }

    /// <summary>Status (succeeded, processing, requires_payment_method…).</summary>
    public string? Status { get; init; }

    /// <summary>Customer id.</summary>
    public string? CustomerId { get; init; }

    /// <summary><c>receipt_email</c>.</summary>
    public string? ReceiptEmail { get; init; }

    /// <summary>The invoice id (only up to 2025-02-24.acacia).</summary>
    public string? InvoiceId { get; init; }

    /// <summary><c>latest_charge</c> (2022-11-15 on; null before).</summary>
    public string? LatestChargeId { get; init; }

    /// <summary>The embedded charges (before 2022-11-15), newest first; empty otherwise.</summary>
    public IReadOnlyList<ChargeFacts> Charges { get; init; } = [];

    /// <summary>
    /// The charge that paid the intent, when embedded: the one <c>latest_charge</c> names, else (older
    /// versions, which have no <c>latest_charge</c>) the first succeeded one.
    /// </summary>
    public ChargeFacts? PayingCharge => LatestChargeId is { } latest
        ? Charges.FirstOrDefault(c => c.Id == latest)
        : Charges.FirstOrDefault(c => c.Status == "succeeded");

    /// <summary>The event's API version, when known.</summary>
    public StripeApiVersion? ApiVersion { get; init; }

    /// <summary>Reads a payment intent object.</summary>
    /// <exception cref="Processing.UnmappableEventException">No id or no currency.</exception>
    public static PaymentIntentFacts From(JsonElement intent, StripeApiVersion? apiVersion = null)
    {
        var json = new StripeJson(intent, "payment_intent");
        var id = json.RequiredId("id");
        json = new StripeJson(intent, $"payment_intent {id}");
        return new PaymentIntentFacts
        {
            Id = id,
            Currency = json.RequiredId("currency"),
            Amount = json.Long("amount") ?? 0,
            AmountReceived = json.Long("amount_received"),
            Status = json.String("status"),
            CustomerId = json.Id("customer"),
            ReceiptEmail = json.String("receipt_email"),
            InvoiceId = json.Id("invoice"),
            LatestChargeId = json.Id("latest_charge"),
            Charges = [.. json.List("charges").Where(c => c.String("id") is not null).Select(c => ChargeFacts.From(c, apiVersion))],
            ApiVersion = apiVersion,
        };
    }
}
