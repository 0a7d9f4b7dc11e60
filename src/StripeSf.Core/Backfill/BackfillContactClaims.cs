using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Backfill;

/// <summary>
/// Email matching for a backfill, the Bulk form of <see cref="Matching.ExistingContactMatcher"/>: the
/// Contacts with an email that no Stripe customer owns yet (nor their Account) are read once, with
/// one paged query (2,000 per page: the cost follows the org's unclaimed Contacts, not the Stripe
/// volume), the oldest per address kept. For each chunk, the customers with such an address claim
/// that Contact and its Account — the customer id written onto both by Id, the Account's name guard
/// set to the far future — in jobs that run before the chunk's upserts, so those update what sales
/// already has instead of creating duplicates.
/// </summary>
public sealed class BackfillContactClaims(ISalesforceClient salesforce, IOptions<SalesforceMappingOptions> mapping)
{
    private Dictionary<string, (string ContactId, string? AccountId)>? _unclaimed;
    private readonly HashSet<string> _claimedAccounts = new(StringComparer.Ordinal);

    /// <summary>The claim rows for <paramref name="customers"/> (customer id, email); none when matching is off.</summary>
    public async Task<IReadOnlyList<BackfillRow>> RowsAsync(IReadOnlyList<(string CustomerId, string Email)> customers, CancellationToken cancellationToken)
    {
        var map = mapping.Value;
        if (!map.MatchContactsByEmail || customers.Count == 0)
        {
            return [];
        }

        var unclaimed = _unclaimed ??= await UnclaimedAsync(map, cancellationToken).ConfigureAwait(false);
        var contactRows = new List<BackfillRow>();
        var accountRows = new List<BackfillRow>();
        foreach (var (customerId, email) in customers)
        {
            // Removed once claimed: two customers with one address cannot both own the same Contact.
            if (!unclaimed.Remove(email, out var match))
            {
                continue;
            }

            contactRows.Add(new BackfillRow("claimContact", map.Contact.Object, "Id", match.ContactId, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Id"] = match.ContactId,
                [map.Contact.ExternalId] = customerId,
                [map.Contact.MatchReason] = Matching.MatchReason.Email,
            }));
            if (match.AccountId is { } accountId && _claimedAccounts.Add(accountId))
            {
                accountRows.Add(new BackfillRow("claimAccount", map.Account.Object, "Id", accountId, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["Id"] = accountId,
                    [map.Account.ExternalId] = customerId,
                    [map.Account.MatchReason] = Matching.MatchReason.Email,
                    [map.Account.NameEventAt] = SalesforceValues.DateTime(AccountWriter.MatchedNameAt),
                }));
            }
        }

        return [.. accountRows, .. contactRows];
    }

    private async Task<Dictionary<string, (string, string?)>> UnclaimedAsync(SalesforceMappingOptions map, CancellationToken cancellationToken)
    {
        var contact = map.Contact;
        var lookup = WrittenFieldCatalog.LookupField(contact.AccountRelationship);
        var query = Soql.Query($"SELECT Id, {Soql.Identifier(lookup)}, {Soql.Identifier(contact.Email)} FROM {Soql.Identifier(contact.Object)} WHERE {Soql.Identifier(contact.Email)} != null AND {Soql.Identifier(contact.ExternalId)} = null AND {Soql.Identifier($"{contact.AccountRelationship}.{map.Account.ExternalId}")} = null ORDER BY CreatedDate");
        var unclaimed = new Dictionary<string, (string, string?)>(StringComparer.OrdinalIgnoreCase);
        await foreach (var record in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (Text(record, contact.Email) is { } email && Text(record, "Id") is { } id)
            {
                // Oldest first: the Contact sales has worked with longest wins, as in live matching.
                unclaimed.TryAdd(email, (id, Text(record, lookup)));
            }
        }

        return unclaimed;
    }

    private static string? Text(JsonObject record, string field) =>
        record[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
