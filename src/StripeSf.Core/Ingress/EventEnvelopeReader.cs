using System.Text.Json;

namespace StripeSf.Core.Ingress;

/// <summary>
/// Reads the routing envelope of a Stripe event without binding it to a Stripe.net model, so an
/// event rendered at any API version is routed (full parsing happens in the processor).
/// </summary>
public static class EventEnvelopeReader
{
    /// <summary>Reads the envelope, or returns false with a message naming what is wrong.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> json, out EventEnvelope? envelope, out string error)
    {
        envelope = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            error = $"body is not valid JSON: {ex.Message}";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "body is not a JSON object";
                return false;
            }

            if (Text(root, "object") is { } kind && kind != "event")
            {
                error = $"body is a Stripe '{kind}', not an event (thin v2 events are not supported)";
                return false;
            }

            var id = Text(root, "id");
            var type = Text(root, "type");
            if (string.IsNullOrEmpty(id) || !id.StartsWith("evt_", StringComparison.Ordinal))
            {
                error = "event has no 'id' starting with evt_";
                return false;
            }

            if (string.IsNullOrEmpty(type))
            {
                error = $"event {id} has no 'type'";
                return false;
            }

            if (!root.TryGetProperty("created", out var created) || !created.TryGetInt64(out var createdSeconds))
            {
                error = $"event {id} has no numeric 'created'";
                return false;
            }

            if (!root.TryGetProperty("livemode", out var livemode) || livemode.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                error = $"event {id} has no boolean 'livemode'";
                return false;
            }

            JsonElement dataObject = default;
            var hasObject = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("object", out dataObject) && dataObject.ValueKind == JsonValueKind.Object;
            if (!hasObject)
            {
                error = $"event {id} has no 'data.object'";
                return false;
            }

            envelope = new EventEnvelope(
                id,
                type,
                livemode.GetBoolean(),
                DateTimeOffset.FromUnixTimeSeconds(createdSeconds),
                Text(root, "api_version"),
                Text(dataObject, "id"),
                CustomerIdOf(dataObject));
            error = "";
            return true;
        }
    }

    private static string? CustomerIdOf(JsonElement dataObject)
    {
        if (Text(dataObject, "object") == "customer")
        {
            return Text(dataObject, "id");
        }

        if (!dataObject.TryGetProperty("customer", out var customer))
        {
            return null;
        }

        return customer.ValueKind switch
        {
            JsonValueKind.String => customer.GetString(),
            JsonValueKind.Object => Text(customer, "id"),
            _ => null,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
