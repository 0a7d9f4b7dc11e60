using System.Globalization;
using System.Text.Json.Nodes;
using StripeSf.Core.Reconciliation;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Healing;

/// <summary>
/// Where gap-fill remembers how far it got: <c>Gap_Fill_Through__c</c> of the reconciliation run
/// records in Salesforce (durable, shared by the timer and the CLI, and visible to a person). The
/// last successful gap-fill is the latest value on a Completed run; a run that failed never moves it.
/// </summary>
public sealed class GapFillWatermark(ISalesforceClient salesforce)
{
    /// <summary>The end of the last successful gap-fill, or null when no run recorded one (one query).</summary>
    public async Task<DateTimeOffset?> LastAsync(CancellationToken cancellationToken)
    {
        var query = Soql.Query($"SELECT {Soql.Identifier(ReconciliationRunFields.GapFillThrough)} FROM {Soql.Identifier(ReconciliationRunFields.Object)} WHERE {Soql.Identifier(ReconciliationRunFields.Status)} = {ReconciliationRunFields.StatusCompleted} AND {Soql.Identifier(ReconciliationRunFields.GapFillThrough)} != null ORDER BY {Soql.Identifier(ReconciliationRunFields.GapFillThrough)} DESC LIMIT 1");
        await foreach (var record in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            return Instant(record[ReconciliationRunFields.GapFillThrough]);
        }

        return null;
    }

    private static DateTimeOffset? Instant(JsonNode? node) =>
        // Salesforce answers "2026-11-21T10:00:00.000+0000", which .NET does not read without the colon.
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text.Replace("+0000", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;
}
