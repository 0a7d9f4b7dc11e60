using System.Text.Json;

namespace StripeSf.Core.Facts;

/// <summary>
/// A Checkout Session. <c>subscription</c> and <c>customer</c> are ids unless the endpoint expands
/// them (their metadata is then read too). <c>line_items</c> are never in webhook payloads. The
/// shipping fields that moved in 2025-03-31.basil (<c>shipping_details</c> →
/// <c>collected_information.shipping_details</c>) are not read. Amounts are minor units.
/// </summary>
public sealed record CheckoutSessionFacts
{
    /// <summary>Session id (<c>cs_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>payment, subscription or setup.</summary>
    public string? Mode { get; init; }

    /// <summary>complete, expired or open.</summary>
    public string? Status { get; init; }

    /// <summary>paid, unpaid or no_payment_required.</summary>
    public string? PaymentStatus { get; init; }

    /// <summary>Lower-case currency (null for setup sessions).</summary>
    public string? Currency { get; init; }

    /// <summary><c>amount_total</c>: the first invoice, not the contract value.</summary>
    public long? AmountTotal { get; init; }

    /// <summary>The subscription id (subscription mode).</summary>
    public string? SubscriptionId { get; init; }

    /// <summary>The customer id.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The payment intent id (payment mode).</summary>
    public string? PaymentIntentId { get; init; }

    /// <summary><c>client_reference_id</c>.</summary>
    public string? ClientReferenceId { get; init; }

    /// <summary><c>customer_details.name</c>.</summary>
    public string? CustomerDetailsName { get; init; }

    /// <summary><c>customer_details.email</c>.</summary>
    public string? CustomerDetailsEmail { get; init; }

    /// <summary><c>customer_email</c> (what the session was created with).</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>The session's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The expanded subscription's metadata; empty when it is only an id.</summary>
    public IReadOnlyDictionary<string, string> SubscriptionMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The expanded customer's metadata; empty when it is only an id.</summary>
    public IReadOnlyDictionary<string, string> CustomerMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads a checkout session object.</summary>
    /// <exception cref="Processing.UnmappableEventException">No id.</exception>
    public static CheckoutSessionFacts From(JsonElement session)
    {
        var json = new StripeJson(session, "checkout session");
        return new CheckoutSessionFacts
        {
            Id = json.RequiredId("id"),
            Mode = json.String("mode"),
            Status = json.String("status"),
            PaymentStatus = json.String("payment_status"),
            Currency = json.String("currency"),
            AmountTotal = json.Long("amount_total"),
            SubscriptionId = json.Id("subscription"),
            CustomerId = json.Id("customer"),
            PaymentIntentId = json.Id("payment_intent"),
            ClientReferenceId = json.String("client_reference_id"),
            CustomerDetailsName = json.String("customer_details.name"),
            CustomerDetailsEmail = json.String("customer_details.email"),
            CustomerEmail = json.String("customer_email"),
            Metadata = json.Metadata(),
            SubscriptionMetadata = json.Object("subscription")?.Metadata() ?? new Dictionary<string, string>(),
            CustomerMetadata = json.Object("customer")?.Metadata() ?? new Dictionary<string, string>(),
        };
    }
}
