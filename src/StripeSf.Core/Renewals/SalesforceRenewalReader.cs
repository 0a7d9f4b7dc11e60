using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Renewals;

/// <summary>
/// What the sweep reads from Salesforce, in bulk: the Contracts of Stripe subscriptions (one query,
/// 2,000 rows per page), then for the subscriptions due only, their Accounts' owners and the renewal
/// keys that exist already (one query per 200 ids each).
/// </summary>
public sealed class SalesforceRenewalReader(ISalesforceClient salesforce, IOptions<SalesforceMappingOptions> mapping)
{
    /// <summary>Ids per IN (...) query: far below SOQL's 100,000-character limit.</summary>
    public const int IdBatchSize = 200;

    /// <summary>Contracts carrying a subscription id that started by <paramref name="startedBy"/>, by subscription id.</summary>
    public async Task<IReadOnlyDictionary<string, ContractEnd>> ContractsAsync(DateOnly startedBy, CancellationToken cancellationToken)
    {
        var c = mapping.Value.Contract;
        var query = Soql.Query($"SELECT {Soql.Identifier(c.ExternalId)}, {Soql.Identifier(c.StartDate)}, {Soql.Identifier(c.ContractTerm)} FROM {Soql.Identifier(c.Object)} WHERE {Soql.Identifier(c.ExternalId)} != null AND {Soql.Identifier(c.StartDate)} <= {startedBy}");
        var contracts = new Dictionary<string, ContractEnd>(StringComparer.Ordinal);
        await foreach (var row in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (Text(row, c.ExternalId) is { } subscription
                && DateOnly.TryParseExact(Text(row, c.StartDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                && row[c.ContractTerm] is JsonValue term && decimal.TryParse(term.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var months) && months > 0)
            {
                contracts[subscription] = new ContractEnd(subscription, start, (int)months);
            }
        }

        return contracts;
    }

    /// <summary>The Accounts of <paramref name="customerIds"/> that exist, by Stripe customer id.</summary>
    public async Task<IReadOnlyDictionary<string, RenewalAccount>> AccountsAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        var a = mapping.Value.Account;
        var accounts = new Dictionary<string, RenewalAccount>(StringComparer.Ordinal);
        foreach (var batch in customerIds.Distinct(StringComparer.Ordinal).Chunk(IdBatchSize))
        {
            var query = Soql.Query($"SELECT Id, OwnerId, {Soql.Identifier(a.ExternalId)} FROM {Soql.Identifier(a.Object)} WHERE {Soql.Identifier(a.ExternalId)} IN {batch}");
            await foreach (var row in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (Text(row, a.ExternalId) is { } customer && Text(row, "Id") is { } id)
                {
                    accounts[customer] = new RenewalAccount(customer, id, Text(row, "OwnerId"));
                }
            }
        }

        return accounts;
    }

    /// <summary>Which of <paramref name="keys"/> an Opportunity already carries, whatever its stage.</summary>
    public async Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var o = mapping.Value.Opportunity;
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(IdBatchSize))
        {
            var query = Soql.Query($"SELECT {Soql.Identifier(o.RenewalKey)} FROM {Soql.Identifier(o.Object)} WHERE {Soql.Identifier(o.RenewalKey)} IN {batch}");
            await foreach (var row in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (Text(row, o.RenewalKey) is { } key)
                {
                    existing.Add(key);
                }
            }
        }

        return existing;
    }

    private static string? Text(JsonObject row, string field) =>
        row[field] is JsonValue value && value.ToString() is { Length: > 0 } text ? text : null;
}
