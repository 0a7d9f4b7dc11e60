using System.Text.Json;
using Stripe;

namespace StripeSf.Core.Processing;

/// <summary>Parses a queued payload into a <see cref="StripeEventContext"/>, whatever its Stripe API version.</summary>
public static class StripeEventParser
{
    /// <summary>The context, or false with a reason naming what is wrong.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, int attempt, out StripeEventContext? context, out string error)
    {
        context = null;
        try
        {
            var json = System.Text.Encoding.UTF8.GetString(payload);

            // Events arrive at whatever API version their endpoint was created with; Stripe.net
            // reads older shapes into the same model, and handlers fall back to the raw JSON for
            // fields an older version renders elsewhere. Refusing them would dead-letter real revenue.
            var stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
            using var document = JsonDocument.Parse(payload.ToArray());
            if (stripeEvent?.Id is null || stripeEvent.Type is null || stripeEvent.Data?.Object is null)
            {
                error = "payload is not a Stripe event with id, type and data.object";
                return false;
            }

            context = new StripeEventContext(stripeEvent, document.RootElement.Clone(), attempt);
            error = "";
            return true;
        }
        catch (Exception ex) when (ex is JsonException or StripeException or ArgumentException or InvalidCastException or FormatException)
        {
            error = $"payload is not a readable Stripe event: {ex.Message}";
            return false;
        }
    }
}
