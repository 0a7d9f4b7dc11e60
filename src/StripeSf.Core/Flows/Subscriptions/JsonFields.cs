using System.Text.Json;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// Reads fields from raw Stripe JSON. Subscription facts are read from the payload rather than the
/// Stripe.net model because the 2020-08-27 shape keeps fields (top-level <c>current_period_*</c>,
/// <c>plan</c>) that the pinned model no longer has.
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Property(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static bool Has(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out _);

    public static string? String(JsonElement owner, string name) =>
        Property(owner, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long? Long(JsonElement owner, string name) =>
        Property(owner, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    public static bool? Bool(JsonElement owner, string name) =>
        Property(owner, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public static DateTimeOffset? Time(JsonElement owner, string name) =>
        Long(owner, name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>An id field that may be expanded into an object (<c>customer</c>, <c>subscription</c>).</summary>
    public static string? Id(JsonElement owner, string name) => Property(owner, name) switch
    {
        { ValueKind: JsonValueKind.String } id => id.GetString(),
        { ValueKind: JsonValueKind.Object } expanded => String(expanded, "id"),
        _ => null,
    };

    /// <summary>The string values of a <c>metadata</c> object; empty when absent.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(JsonElement owner)
    {
        if (Property(owner, "metadata") is not { ValueKind: JsonValueKind.Object } metadata)
        {
            return new Dictionary<string, string>();
        }

        return metadata.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>The <c>items.data</c> array of a subscription; empty when absent.</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement subscription) =>
        Property(subscription, "items") is { } items && Property(items, "data") is { ValueKind: JsonValueKind.Array } data
            ? [.. data.EnumerateArray()]
            : [];
}
