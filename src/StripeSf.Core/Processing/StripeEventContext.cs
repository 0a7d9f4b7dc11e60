using System.Text.Json;
using Stripe;

namespace StripeSf.Core.Processing;

/// <summary>One Stripe event as handlers see it: the Stripe.net model, the raw JSON (for fields other API versions render differently) and the attempt.</summary>
public sealed record StripeEventContext(Event Event, JsonElement Raw, int Attempt)
{
    /// <summary>The event id.</summary>
    public string EventId => Event.Id;

    /// <summary>The event type.</summary>
    public string Type => Event.Type;

    /// <summary>When Stripe created the event: the order key for the stale-event guard.</summary>
    public DateTimeOffset Created => new(DateTime.SpecifyKind(Event.Created, DateTimeKind.Utc));

    /// <summary>The raw <c>data.object</c>.</summary>
    public JsonElement DataObject => Raw.GetProperty("data").GetProperty("object");
}
