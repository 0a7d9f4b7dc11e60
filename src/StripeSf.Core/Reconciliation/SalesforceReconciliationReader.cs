using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Reads the Salesforce side: the records paid in the window (one query per object, by date range
/// on Paid_At__c, which is what finds orphans) and, for the few Stripe ids that range missed, a
/// lookup by id in batches of 200 (which tells "missing" from "recorded with another paid time").
/// In steady state that is two queries a night, whatever the volume (2,000 records per page).
/// </summary>
public sealed class SalesforceReconciliationReader(ISalesforceClient salesforce, IOptions<SalesforceMappingOptions> mapping)
{
    /// <summary>Ids per IN (...) query: keeps the query text far below SOQL's 100,000-character limit.</summary>
    public const int IdBatchSize = 200;

    /// <summary>Charge entries (Type Charge) whose Paid_At__c is in the window.</summary>
    public async Task<IReadOnlyList<ReconciledObject>> ChargesPaidInAsync(ReconciliationWindow window, CancellationToken cancellationToken)
    {
        var p = mapping.Value.Payment;
        var query = Soql.Query($"SELECT {Soql.Identifier(p.ExternalId)}, {Soql.Identifier(p.Amount)}, {Soql.Identifier(p.Currency)}, {Soql.Identifier(p.Status)}, {Soql.Identifier(p.PaidAt)} FROM {Soql.Identifier(p.Object)} WHERE {Soql.Identifier(p.Type)} = {p.TypeCharge} AND {Soql.Identifier(p.PaidAt)} >= {window.Start} AND {Soql.Identifier(p.PaidAt)} < {window.End}");
        return await ReadAsync(query, ReconciledObjectType.Charge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Invoices whose Paid_At__c is in the window.</summary>
    public async Task<IReadOnlyList<ReconciledObject>> InvoicesPaidInAsync(ReconciliationWindow window, CancellationToken cancellationToken)
    {
        var i = mapping.Value.Invoice;
        var query = Soql.Query($"SELECT {Soql.Identifier(i.ExternalId)}, {Soql.Identifier(i.AmountPaid)}, {Soql.Identifier(i.Currency)}, {Soql.Identifier(i.Status)}, {Soql.Identifier(i.PaidAt)} FROM {Soql.Identifier(i.Object)} WHERE {Soql.Identifier(i.PaidAt)} >= {window.Start} AND {Soql.Identifier(i.PaidAt)} < {window.End}");
        return await ReadAsync(query, ReconciledObjectType.Invoice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The records of <paramref name="ids"/> (any paid time), one query per 200 ids; none when <paramref name="ids"/> is empty.</summary>
    public async Task<IReadOnlyList<ReconciledObject>> ByIdsAsync(ReconciledObjectType type, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<ReconciledObject>();
        foreach (var batch in ids.Chunk(IdBatchSize))
        {
            SoqlQuery query;
            if (type == ReconciledObjectType.Charge)
            {
                var p = mapping.Value.Payment;
                query = Soql.Query($"SELECT {Soql.Identifier(p.ExternalId)}, {Soql.Identifier(p.Amount)}, {Soql.Identifier(p.Currency)}, {Soql.Identifier(p.Status)}, {Soql.Identifier(p.PaidAt)} FROM {Soql.Identifier(p.Object)} WHERE {Soql.Identifier(p.ExternalId)} IN {batch}");
            }
            else
            {
                var i = mapping.Value.Invoice;
                query = Soql.Query($"SELECT {Soql.Identifier(i.ExternalId)}, {Soql.Identifier(i.AmountPaid)}, {Soql.Identifier(i.Currency)}, {Soql.Identifier(i.Status)}, {Soql.Identifier(i.PaidAt)} FROM {Soql.Identifier(i.Object)} WHERE {Soql.Identifier(i.ExternalId)} IN {batch}");
            }

            found.AddRange(await ReadAsync(query, type, cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    private async Task<IReadOnlyList<ReconciledObject>> ReadAsync(SoqlQuery query, ReconciledObjectType type, CancellationToken cancellationToken)
    {
        var (externalId, amount, currency, status, paidAt) = type == ReconciledObjectType.Charge
            ? (mapping.Value.Payment.ExternalId, mapping.Value.Payment.Amount, mapping.Value.Payment.Currency, mapping.Value.Payment.Status, mapping.Value.Payment.PaidAt)
            : (mapping.Value.Invoice.ExternalId, mapping.Value.Invoice.AmountPaid, mapping.Value.Invoice.Currency, mapping.Value.Invoice.Status, mapping.Value.Invoice.PaidAt);
        var records = new List<ReconciledObject>();
        await foreach (var record in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (Text(record, externalId) is not { Length: > 0 } id)
            {
                continue;
            }

            records.Add(new ReconciledObject(
                id,
                type,
                Number(record[amount]),
                (Text(record, currency) ?? "").ToUpperInvariant(),
                Text(record, status) ?? "",
                Instant(Text(record, paidAt))));
        }

        return records;
    }

    private static string? Text(JsonObject record, string field) =>
        record[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static decimal Number(JsonNode? node) =>
        // Read from the JSON text: going through double would turn 49.99 into 49.989999….
        node is JsonValue ? decimal.Parse(node.ToJsonString().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture) : 0m;

    private static DateTimeOffset? Instant(string? text) =>
        // Salesforce answers "2026-11-21T10:00:00.000+0000", which .NET does not read without the colon.
        text is not null && DateTimeOffset.TryParse(text.Replace("+0000", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;
}
