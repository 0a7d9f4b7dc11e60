using System.Globalization;
using System.Text.Json.Nodes;

namespace StripeSf.Core.Leads;

/// <summary>One Lead as the query returned it: id, change time and the fields read.</summary>
public sealed record LeadRecord(string Id, DateTimeOffset Modstamp, JsonObject Fields)
{
    /// <summary>A field's text, trimmed; null when missing or blank.</summary>
    public string? Text(string field) =>
        Fields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v
            && (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>Reads a query row; null when it has no Id or change time.</summary>
    public static LeadRecord? From(JsonObject row, string modstampField)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row["Id"]?.GetValue<string>();
        var stamp = row[modstampField] is JsonValue value && value.TryGetValue<string>(out var text)
            // Salesforce answers "2026-11-21T10:00:00.000+0000", which .NET does not read without the colon.
            && DateTimeOffset.TryParse(text.Replace("+0000", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : (DateTimeOffset?)null;
        return id is null || stamp is null ? null : new LeadRecord(id, stamp.Value, row);
    }
}
