using System.Text.Json;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// Reads fields from a raw Stripe object. Flows map from the payload rather than Stripe.net's typed
/// model because events arrive at many API versions and the typed model only knows the pinned one
/// (e.g. <c>invoice.subscription</c> and <c>charge.invoice</c> exist only in older versions).
/// </summary>
internal static class BillingJson
{
    /// <summary>The element at <paramref name="path"/>, or null when a step is missing or JSON null.</summary>
    public static JsonElement? At(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A string, or the <c>id</c> of an expanded object (Stripe renders references either way).</summary>
    public static string? Str(this JsonElement element, params string[] path) => element.At(path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Object } value when value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => null,
    };

    /// <summary>An integer (Stripe amounts, counts and Unix times), or null.</summary>
    public static long? Long(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    /// <summary>A boolean, false when missing.</summary>
    public static bool Flag(this JsonElement element, params string[] path) =>
        element.At(path) is { ValueKind: JsonValueKind.True };

    /// <summary>The items of a list object's <c>data</c> array (or of a plain array), empty when missing.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, params string[] path) => element.At(path) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
        { ValueKind: JsonValueKind.Object } list when list.At("data") is { ValueKind: JsonValueKind.Array } data => data.EnumerateArray(),
        _ => [],
    };

    /// <summary>A required string: the object cannot be mapped without it.</summary>
    public static string Required(this JsonElement element, string what, params string[] path) =>
        element.Str(path) is { Length: > 0 } value ? value : throw new Processing.UnmappableEventException($"{what} has no {string.Join('.', path)}");
}
