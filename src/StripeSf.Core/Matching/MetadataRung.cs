using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Matching;

/// <summary>
/// The metadata rung: the Account and Contact the customer names (<c>salesforce_account_id</c>,
/// <c>salesforce_contact_id</c>) are linked when no Stripe customer owns them yet. With a Contact id
/// alone, the Contact's Account is linked too, and the Contact only once that Account is the customer's.
/// </summary>
internal sealed class MetadataRung(SalesforceMappingOptions options)
{
    /// <summary>Subrequests <see cref="Add"/> adds for <paramref name="links"/>.</summary>
    public static int CountFor(SalesforceLinks links) => (links.AccountId is null ? 0 : 2) + (links.ContactId is null ? 0 : links.AccountId is null ? 4 : 2);

    /// <summary>Adds the rung's queries and claims.</summary>
    public void Add(CompositePlanBuilder plan, string customerId, SalesforceLinks links)
    {
        var account = options.Account;
        var contact = options.Contact;
        var lookup = WrittenFieldCatalog.LookupField(contact.AccountRelationship);
        var accountKey = Soql.Identifier($"{contact.AccountRelationship}.{account.ExternalId}");
        var accountClaim = new JsonObject
        {
            [account.ExternalId] = customerId,
            [account.MatchReason] = MatchReason.Metadata,
            [account.NameEventAt] = SalesforceValues.DateTime(AccountWriter.MatchedNameAt),
        };

        if (links.AccountId is { } accountId)
        {
            plan.Query("metadataAccount", Soql.Query($"SELECT Id FROM {Soql.Identifier(account.Object)} WHERE Id = {accountId} AND {Soql.Identifier(account.ExternalId)} = null"), IdentityRules.NoMetadataRecord);
            plan.Update("metadataAccountClaim", account.Object, CompositePlanBuilder.Ref("metadataAccount", "records[0].Id"), accountClaim, IdentityRules.NoMetadataRecord);
        }

        if (links.ContactId is not { } contactId)
        {
            return;
        }

        if (links.AccountId is null)
        {
            plan.Query("metadataContactAccount", Soql.Query($"SELECT Id, {Soql.Identifier(lookup)} FROM {Soql.Identifier(contact.Object)} WHERE Id = {contactId} AND {accountKey} = null"), IdentityRules.NoMetadataRecord);
            plan.Update("metadataContactAccountClaim", account.Object, CompositePlanBuilder.Ref("metadataContactAccount", $"records[0].{lookup}"), accountClaim, IdentityRules.NoMetadataRecord);
            plan.Query("metadataContact", Soql.Query($"SELECT Id FROM {Soql.Identifier(contact.Object)} WHERE Id = {contactId} AND {Soql.Identifier(contact.ExternalId)} = null AND {accountKey} = {customerId}"), IdentityRules.NoMetadataRecord);
        }
        else
        {
            plan.Query("metadataContact", Soql.Query($"SELECT Id FROM {Soql.Identifier(contact.Object)} WHERE Id = {contactId} AND {Soql.Identifier(contact.ExternalId)} = null"), IdentityRules.NoMetadataRecord);
        }

        plan.Update("metadataContactClaim", contact.Object, CompositePlanBuilder.Ref("metadataContact", "records[0].Id"), new JsonObject
        {
            [contact.ExternalId] = customerId,
            [contact.MatchReason] = MatchReason.Metadata,
        }, IdentityRules.NoMetadataRecord);
    }
}
