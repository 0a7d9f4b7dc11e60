using System.Text.Json;

namespace StripeSf.Core.Facts;

/// <summary>
/// The facts of one event's <c>data.object</c>, read on demand (nothing is cached, so a context whose
/// payload is replaced never serves stale facts). Each accessor reads the object as that type and
/// throws <see cref="Processing.UnmappableEventException"/> when a field the type needs is missing.
/// </summary>
public readonly struct EventFacts
{
    private EventFacts(JsonElement dataObject, JsonElement? previousAttributes, StripeApiVersion? apiVersion)
    {
        DataObject = dataObject;
        PreviousAttributes = previousAttributes;
        ApiVersion = apiVersion;
    }

    /// <summary>The raw <c>data.object</c>.</summary>
    public JsonElement DataObject { get; }

    /// <summary><c>data.previous_attributes</c> (update events), when it is an object.</summary>
    public JsonElement? PreviousAttributes { get; }

    /// <summary>The event's <c>api_version</c>, when it has a dated one.</summary>
    public StripeApiVersion? ApiVersion { get; }

    /// <summary>The object's <c>object</c> field (subscription, invoice, charge…).</summary>
    public string? ObjectType => new StripeJson(DataObject, "data.object").String("object");

    /// <summary>Reads an event envelope.</summary>
    public static EventFacts Of(JsonElement stripeEvent)
    {
        var envelope = new StripeJson(stripeEvent, "event");
        var data = envelope.Get("data.object") ?? throw envelope.Missing("data.object");
        var previous = envelope.Get("data.previous_attributes") is { ValueKind: JsonValueKind.Object } p ? p : (JsonElement?)null;
        return new EventFacts(data, previous, StripeApiVersion.Parse(envelope.String("api_version")));
    }

    /// <summary>The object as a subscription.</summary>
    public SubscriptionFacts Subscription() => SubscriptionFacts.From(DataObject, ApiVersion);

    /// <summary>The object as an invoice.</summary>
    public InvoiceFacts Invoice() => InvoiceFacts.From(DataObject, ApiVersion);

    /// <summary>The object as a charge.</summary>
    public ChargeFacts Charge() => ChargeFacts.From(DataObject, ApiVersion);

    /// <summary>The object as a refund.</summary>
    public RefundFacts Refund() => RefundFacts.From(DataObject);

    /// <summary>The object as a payment intent.</summary>
    public PaymentIntentFacts PaymentIntent() => PaymentIntentFacts.From(DataObject, ApiVersion);

    /// <summary>The object as a dispute.</summary>
    public DisputeFacts Dispute() => DisputeFacts.From(DataObject);

    /// <summary>The object as a customer.</summary>
    public CustomerFacts Customer() => CustomerFacts.From(DataObject, PreviousAttributes);

    /// <summary>The object as a checkout session.</summary>
    public CheckoutSessionFacts CheckoutSession() => CheckoutSessionFacts.From(DataObject);
}
