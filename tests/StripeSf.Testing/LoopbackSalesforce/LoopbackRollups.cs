using System.Globalization;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// Roll-up summary fields as Salesforce keeps them on a master record: COUNT of the detail records that
/// match the field's filter, 0 without any, recalculated in the transaction that writes a detail record
/// (the shipped <c>Account.Past_Due_Invoices__c</c>).
/// </summary>
internal static class LoopbackRollups
{
    private sealed record Rollup(string Parent, string Field, string Child, string ForeignKey, Func<JsonObject, bool> Counts);

    private static readonly Rollup[] Shipped =
    [
        // Filter: Status__c equals "open" AND Attempt_Count__c greater than 0.
        new("Account", "Past_Due_Invoices__c", "Stripe_Invoice__c", "Account__c",
            r => string.Equals(Text(r["Status__c"]), "open", StringComparison.OrdinalIgnoreCase) && Number(r["Attempt_Count__c"]) > 0),
    ];

    /// <summary>
    /// With <paramref name="inserting"/> (before a new <paramref name="record"/> is stored): its own roll-ups start at 0;
    /// otherwise (after a write) the roll-ups of its master are recounted.
    /// </summary>
    public static void AfterWrite(LoopbackOrg org, string type, JsonObject record, bool inserting, LoopbackJournal journal)
    {
        foreach (var rollup in Shipped)
        {
            if (inserting && string.Equals(type, rollup.Parent, StringComparison.OrdinalIgnoreCase) && org.Schema(rollup.Parent) is not null)
            {
                record[rollup.Field] ??= 0;
            }

            if (!inserting && string.Equals(type, rollup.Child, StringComparison.OrdinalIgnoreCase) && Text(record[rollup.ForeignKey]) is { Length: > 0 } parentId
                && org.Schema(rollup.Parent) is not null && org.Table(rollup.Parent) is var parents && parents.Get(parentId) is { } parent)
            {
                // The children of this parent through the table's index on the foreign key (a scan of every row per
                // write made Bulk loads of invoices quadratic).
                var children = org.Table(rollup.Child);
                var count = children.Find(rollup.ForeignKey, parentId).Count(id => children.Get(id) is { } r && Text(r[rollup.ForeignKey]) == parentId && rollup.Counts(r));
                if (Number(parent[rollup.Field]) != count)
                {
                    journal.Record(parents, parentId, parent);
                    var updated = (JsonObject)parent.DeepClone();
                    updated[rollup.Field] = count;
                    parents.Put(parentId, updated);
                }
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // Numbers stored from a request body and numbers the roll-up wrote are different JsonValue kinds: read the JSON text.
    private static decimal Number(JsonNode? node) =>
        node is JsonValue value && decimal.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
