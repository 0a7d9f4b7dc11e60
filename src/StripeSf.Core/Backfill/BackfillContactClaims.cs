using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Backfill;

/// <summary>
/// Email matching for a chunk, the Bulk form of <see cref="Matching.ExistingContactMatcher"/>: the
/// Contacts no Stripe customer owns yet whose email is a backfilled customer's (one query per 200
/// addresses; the oldest Contact per address) are claimed — the customer id written onto the Contact
/// and its Account by Id, the Account's name guard set to the far future — in jobs that run before
/// the chunk's upserts, so those update what sales already has instead of creating duplicates.
/// </summary>
public sealed class BackfillContactClaims(ISalesforceClient salesforce, IOptions<SalesforceMappingOptions> mapping)
{
    /// <summary>Addresses per IN (...) query.</summary>
    public const int EmailBatchSize = 200;

    /// <summary>The claim rows for <paramref name="customers"/> (customer id, email); none when matching is off.</summary>
    public async Task<IReadOnlyList<BackfillRow>> RowsAsync(IReadOnlyList<(string CustomerId, string Email)> customers, CancellationToken cancellationToken)
    {
        var map = mapping.Value;
        if (!map.MatchContactsByEmail || customers.Count == 0)
        {
            return [];
        }

        // One customer per address: two customers cannot both own the same Contact.
        var byEmail = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (customerId, email) in customers)
        {
            byEmail.TryAdd(email, customerId);
        }

        var contact = map.Contact;
        var account = map.Account;
        var lookup = WrittenFieldCatalog.LookupField(contact.AccountRelationship);
        var contactRows = new List<BackfillRow>();
        var accountRows = new List<BackfillRow>();
        var claimedContacts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var claimedAccounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in byEmail.Keys.Chunk(EmailBatchSize))
        {
            var query = Soql.Query($"SELECT Id, {Soql.Identifier(lookup)}, {Soql.Identifier(contact.Email)} FROM {Soql.Identifier(contact.Object)} WHERE {Soql.Identifier(contact.Email)} IN {batch} AND {Soql.Identifier(contact.ExternalId)} = null AND {Soql.Identifier($"{contact.AccountRelationship}.{account.ExternalId}")} = null ORDER BY CreatedDate");
            await foreach (var record in salesforce.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (Text(record, contact.Email) is not { } email || !byEmail.TryGetValue(email, out var customerId) || !claimedContacts.Add(email) || Text(record, "Id") is not { } contactId)
                {
                    continue;
                }

                contactRows.Add(new BackfillRow("claimContact", contact.Object, "Id", contactId, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["Id"] = contactId,
                    [contact.ExternalId] = customerId,
                }));
                if (Text(record, lookup) is { } accountId && claimedAccounts.Add(accountId))
                {
                    accountRows.Add(new BackfillRow("claimAccount", account.Object, "Id", accountId, new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["Id"] = accountId,
                        [account.ExternalId] = customerId,
                        [account.NameEventAt] = SalesforceValues.DateTime(AccountWriter.MatchedNameAt),
                    }));
                }
            }
        }

        return [.. accountRows, .. contactRows];
    }

    private static string? Text(JsonObject record, string field) =>
        record[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
