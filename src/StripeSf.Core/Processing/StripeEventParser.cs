using System.Text.Json;

namespace StripeSf.Core.Processing;

/// <summary>
/// Parses a queued payload, once, into a <see cref="StripeEventContext"/>, whatever its Stripe API
/// version: the envelope (id, type, created, data.object) is the same at every version, and the
/// facts layer reads the object. No typed model pinned to one API version is involved, so an event
/// rendered at an older or newer version than Stripe.net's is never refused or misread.
/// </summary>
public static class StripeEventParser
{
    /// <summary>The context, or false with a reason naming what is wrong.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, int attempt, out StripeEventContext? context, out string error)
    {
        context = null;
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 }
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 }
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("object", out var dataObject) || dataObject.ValueKind != JsonValueKind.Object)
            {
                error = "payload is not a Stripe event with id, type and data.object";
                return false;
            }

            if (!root.TryGetProperty("created", out var created) || created.ValueKind != JsonValueKind.Number || !created.TryGetInt64(out _))
            {
                error = $"Stripe event {id.GetString()} has no numeric created time";
                return false;
            }

            context = new StripeEventContext(root.Clone(), attempt);
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            error = $"payload is not a readable Stripe event: {ex.Message}";
            return false;
        }
    }
}
