using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Reads the Salesforce side, streamed page by page (2,000 records per page): the records paid in
/// the window (one query per object, by date range on Paid_At__c, which is what finds orphans); for
/// the Stripe ids that range missed, and for refunds, disputes and paying subscriptions, lookups by
/// id in batches of 200; and the Closed Won Opportunities whose grace period ends in the window.
/// </summary>
public sealed class SalesforceReconciliationReader(ISalesforceClient salesforce, IOptions<SalesforceMappingOptions> mapping)
{
    /// <summary>Ids per IN (...) query: keeps the query text far below SOQL's 100,000-character limit.</summary>
    public const int IdBatchSize = 200;

    /// <summary>Charge entries (Type Charge) whose Paid_At__c is in the window.</summary>
    public IAsyncEnumerable<ReconciledObject> ChargesPaidInAsync(ReconciliationWindow window, CancellationToken cancellationToken)
    {
        var p = mapping.Value.Payment;
        var query = Soql.Query($"SELECT Id, {Soql.Identifier(p.ExternalId)}, {Soql.Identifier(p.Amount)}, {Soql.Identifier(p.Currency)}, {Soql.Identifier(p.Status)}, {Soql.Identifier(p.PaidAt)} FROM {Soql.Identifier(p.Object)} WHERE {Soql.Identifier(p.Type)} = {p.TypeCharge} AND {Soql.Identifier(p.PaidAt)} >= {window.Start} AND {Soql.Identifier(p.PaidAt)} < {window.End}");
        return ReadAsync(query, ReconciledObjectType.Charge, cancellationToken);
    }

    /// <summary>Invoices whose Paid_At__c is in the window.</summary>
    public IAsyncEnumerable<ReconciledObject> InvoicesPaidInAsync(ReconciliationWindow window, CancellationToken cancellationToken)
    {
        var i = mapping.Value.Invoice;
        var query = Soql.Query($"SELECT Id, {Soql.Identifier(i.ExternalId)}, {Soql.Identifier(i.AmountPaid)}, {Soql.Identifier(i.Currency)}, {Soql.Identifier(i.Status)}, {Soql.Identifier(i.PaidAt)} FROM {Soql.Identifier(i.Object)} WHERE {Soql.Identifier(i.PaidAt)} >= {window.Start} AND {Soql.Identifier(i.PaidAt)} < {window.End}");
        return ReadAsync(query, ReconciledObjectType.Invoice, cancellationToken);
    }

    /// <summary>
    /// The records of <paramref name="ids"/> (any paid time), one query per 200 ids; none when
    /// <paramref name="ids"/> is empty. Charges, refunds and disputes are payment entries (keyed by
    /// their ch_/re_/du_ id or a charge's cumulative <c>{charge}-refunds</c> key); invoices invoice records.
    /// </summary>
    public async Task<IReadOnlyList<ReconciledObject>> ByIdsAsync(ReconciledObjectType type, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<ReconciledObject>();
        foreach (var batch in ids.Chunk(IdBatchSize))
        {
            SoqlQuery query;
            if (type == ReconciledObjectType.Invoice)
            {
                var i = mapping.Value.Invoice;
                query = Soql.Query($"SELECT Id, {Soql.Identifier(i.ExternalId)}, {Soql.Identifier(i.AmountPaid)}, {Soql.Identifier(i.Currency)}, {Soql.Identifier(i.Status)}, {Soql.Identifier(i.PaidAt)} FROM {Soql.Identifier(i.Object)} WHERE {Soql.Identifier(i.ExternalId)} IN {batch}");
            }
            else
            {
                var p = mapping.Value.Payment;
                query = Soql.Query($"SELECT Id, {Soql.Identifier(p.ExternalId)}, {Soql.Identifier(p.Amount)}, {Soql.Identifier(p.Currency)}, {Soql.Identifier(p.Status)}, {Soql.Identifier(p.PaidAt)} FROM {Soql.Identifier(p.Object)} WHERE {Soql.Identifier(p.ExternalId)} IN {batch}");
            }

            await foreach (var record in ReadAsync(query, type, cancellationToken).ConfigureAwait(false))
            {
                found.Add(record);
            }
        }

        return found;
    }

    /// <summary>
    /// Closed Won Opportunities with a close date in [<paramref name="from"/>, <paramref name="until"/>)
    /// linked to Stripe: by their subscription id, else by their Account's customer id (others are
    /// not Stripe deals and are skipped). Id is the Stripe id, PaidAt the close date, Amount the Opportunity's.
    /// </summary>
    public async IAsyncEnumerable<ReconciledObject> ClosedWonAsync(DateOnly from, DateOnly until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var o = mapping.Value.Opportunity;
        var customer = $"{o.AccountRelationship}.{mapping.Value.Account.ExternalId}";
        var query = mapping.Value.UseCurrencyIsoCode
            ? Soql.Query($"SELECT Id, {Soql.Identifier(o.ExternalId)}, {Soql.Identifier(customer)}, {Soql.Identifier(o.Amount)}, {Soql.Identifier(o.StageName)}, {Soql.Identifier(o.CloseDate)}, CurrencyIsoCode FROM {Soql.Identifier(o.Object)} WHERE {Soql.Identifier(o.StageName)} = {o.StageClosedWon} AND {Soql.Identifier(o.CloseDate)} >= {from} AND {Soql.Identifier(o.CloseDate)} < {until}")
            : Soql.Query($"SELECT Id, {Soql.Identifier(o.ExternalId)}, {Soql.Identifier(customer)}, {Soql.Identifier(o.Amount)}, {Soql.Identifier(o.StageName)}, {Soql.Identifier(o.CloseDate)} FROM {Soql.Identifier(o.Object)} WHERE {Soql.Identifier(o.StageName)} = {o.StageClosedWon} AND {Soql.Identifier(o.CloseDate)} >= {from} AND {Soql.Identifier(o.CloseDate)} < {until}");
        await foreach (var record in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var subscription = Text(record, o.ExternalId);
            var customerId = record[o.AccountRelationship] is JsonObject account ? Text(account, mapping.Value.Account.ExternalId) : null;
            if ((subscription ?? customerId) is { Length: > 0 } stripeId)
            {
                yield return Opportunity(record, stripeId, subscription is { Length: > 0 } ? ReconciledObjectType.Subscription : ReconciledObjectType.Customer);
            }
        }
    }

    /// <summary>The Opportunities keyed by <paramref name="subscriptionIds"/>, one query per 200 ids.</summary>
    public async Task<IReadOnlyList<ReconciledObject>> OpportunitiesAsync(IReadOnlyCollection<string> subscriptionIds, CancellationToken cancellationToken)
    {
        var o = mapping.Value.Opportunity;
        var found = new List<ReconciledObject>();
        foreach (var batch in subscriptionIds.Chunk(IdBatchSize))
        {
            var query = mapping.Value.UseCurrencyIsoCode
                ? Soql.Query($"SELECT Id, {Soql.Identifier(o.ExternalId)}, {Soql.Identifier(o.Amount)}, {Soql.Identifier(o.StageName)}, {Soql.Identifier(o.CloseDate)}, CurrencyIsoCode FROM {Soql.Identifier(o.Object)} WHERE {Soql.Identifier(o.ExternalId)} IN {batch}")
                : Soql.Query($"SELECT Id, {Soql.Identifier(o.ExternalId)}, {Soql.Identifier(o.Amount)}, {Soql.Identifier(o.StageName)}, {Soql.Identifier(o.CloseDate)} FROM {Soql.Identifier(o.Object)} WHERE {Soql.Identifier(o.ExternalId)} IN {batch}");
            await foreach (var record in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (Text(record, o.ExternalId) is { Length: > 0 } id)
                {
                    found.Add(Opportunity(record, id, ReconciledObjectType.Subscription));
                }
            }
        }

        return found;
    }

    private ReconciledObject Opportunity(JsonObject record, string stripeId, ReconciledObjectType type)
    {
        var o = mapping.Value.Opportunity;
        var close = Text(record, o.CloseDate) is { } date && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : (DateTimeOffset?)null;
        return new ReconciledObject(stripeId, type, Number(record[o.Amount]), (Text(record, "CurrencyIsoCode") ?? "").ToUpperInvariant(), Text(record, o.StageName) ?? "", close)
        {
            RecordId = Text(record, "Id"),
        };
    }

    private async IAsyncEnumerable<ReconciledObject> ReadAsync(SoqlQuery query, ReconciledObjectType type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (externalId, amount, currency, status, paidAt) = type == ReconciledObjectType.Invoice
            ? (mapping.Value.Invoice.ExternalId, mapping.Value.Invoice.AmountPaid, mapping.Value.Invoice.Currency, mapping.Value.Invoice.Status, mapping.Value.Invoice.PaidAt)
            : (mapping.Value.Payment.ExternalId, mapping.Value.Payment.Amount, mapping.Value.Payment.Currency, mapping.Value.Payment.Status, mapping.Value.Payment.PaidAt);
        await foreach (var record in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (Text(record, externalId) is not { Length: > 0 } id)
            {
                continue;
            }

            yield return new ReconciledObject(
                id,
                type,
                Number(record[amount]),
                (Text(record, currency) ?? "").ToUpperInvariant(),
                Text(record, status) ?? "",
                Instant(Text(record, paidAt)))
            {
                RecordId = Text(record, "Id"),
            };
        }
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
