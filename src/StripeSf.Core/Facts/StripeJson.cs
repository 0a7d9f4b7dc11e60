using System.Globalization;
using System.Text.Json;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Facts;

/// <summary>
/// The one reader of raw Stripe JSON: a <see cref="JsonElement"/> plus a name for messages
/// ("subscription sub_123"). Paths are dotted (<c>parent.subscription_details.subscription</c>); a step
/// through anything that is not an object yields "missing". Stripe renders references either as an id
/// or as the expanded object, so <see cref="Id"/> reads both. Missing and JSON <c>null</c> are told
/// apart by <see cref="Has"/> / <see cref="IsNull"/>; every typed accessor returns null for both.
/// </summary>
public readonly struct StripeJson
{
    /// <summary>Wraps <paramref name="element"/>, named <paramref name="name"/> in error messages.</summary>
    public StripeJson(JsonElement element, string name)
    {
        Element = element;
        Name = name;
    }

    /// <summary>The wrapped element.</summary>
    public JsonElement Element { get; }

    /// <summary>What the element is, for messages.</summary>
    public string Name { get; }

    /// <summary>True when the element is a JSON object.</summary>
    public bool IsObject => Element.ValueKind == JsonValueKind.Object;

    /// <summary>True when every step of <paramref name="path"/> is present, the last one possibly JSON null.</summary>
    public bool Has(string path) => Walk(path, out _);

    /// <summary>True when <paramref name="path"/> is present and JSON null (Stripe's "cleared").</summary>
    public bool IsNull(string path) => Walk(path, out var value) && value.ValueKind == JsonValueKind.Null;

    /// <summary>The element at <paramref name="path"/>; null when missing or JSON null.</summary>
    public JsonElement? Get(string path) =>
        Walk(path, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    /// <summary>A string value; null when missing, null or not a string.</summary>
    public string? String(string path) => Get(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A reference: the string id, or the <c>id</c> of the expanded object.</summary>
    public string? Id(string path) => Get(path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Object } expanded when expanded.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => null,
    };

    /// <summary>An integer (amounts in minor units, counts, Unix times).</summary>
    public long? Long(string path) =>
        Get(path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    /// <summary>
    /// A decimal: a JSON number, or a numeric string (Stripe renders <c>*_decimal</c> fields such as
    /// <c>unit_amount_decimal</c> as strings to keep their precision).
    /// </summary>
    public decimal? Decimal(string path) => Get(path) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var number) => number,
        { ValueKind: JsonValueKind.String } value when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A boolean; null when missing or not a boolean.</summary>
    public bool? Bool(string path) => Get(path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>A Unix time in seconds as UTC.</summary>
    public DateTimeOffset? Time(string path) => Long(path) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>A nested object (an expanded reference included); null when missing, null or not an object.</summary>
    public StripeJson? Object(string path) =>
        Get(path) is { ValueKind: JsonValueKind.Object } value ? new StripeJson(value, $"{Name}.{path}") : null;

    /// <summary>
    /// The items of a plain array or of a list object's <c>data</c> array; empty when missing. Each item is
    /// named <c>{name}.{path}[i]</c>.
    /// </summary>
    public IReadOnlyList<StripeJson> List(string path)
    {
        var array = Get(path) switch
        {
            { ValueKind: JsonValueKind.Array } plain => plain,
            { ValueKind: JsonValueKind.Object } list when list.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array => data,
            _ => default,
        };
        if (array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var name = Name;
        return [.. array.EnumerateArray().Select((item, i) => new StripeJson(item, string.Create(CultureInfo.InvariantCulture, $"{name}.{path}[{i}]")))];
    }

    /// <summary>True when <paramref name="path"/> holds an array or a list object (even an empty one).</summary>
    public bool HasList(string path) => Get(path) switch
    {
        { ValueKind: JsonValueKind.Array } => true,
        { ValueKind: JsonValueKind.Object } list => list.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array,
        _ => false,
    };

    /// <summary>The string values of a metadata object; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Metadata(string path = "metadata") =>
        Get(path) is { ValueKind: JsonValueKind.Object } metadata
            ? metadata.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A non-empty string or reference id the object cannot be mapped without.</summary>
    /// <exception cref="UnmappableEventException">Missing, null or empty; the message names the path.</exception>
    public string RequiredId(string path) =>
        Id(path) is { Length: > 0 } value ? value : throw Missing(path);

    /// <summary>An integer the object cannot be mapped without.</summary>
    /// <exception cref="UnmappableEventException">Missing or not an integer; the message names the path.</exception>
    public long RequiredLong(string path) => Long(path) ?? throw Missing(path);

    /// <summary>The exception for a required field that is missing.</summary>
    public UnmappableEventException Missing(string path) => new($"{Name} has no {path}");

    private bool Walk(string path, out JsonElement value)
    {
        value = Element;
        foreach (var step in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
            {
                value = default;
                return false;
            }
        }

        return true;
    }
}
