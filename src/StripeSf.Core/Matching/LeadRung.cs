using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Matching;

/// <summary>
/// A customer whose metadata names a Lead (<c>salesforce_lead_id</c>, written by the Lead → Stripe
/// sync). While the Lead is open, only its Stripe fields are written — the Stripe id and the customer
/// event time, under that guard — and nothing the reverse sync sends to Stripe, so the write the sync
/// caused changes nothing it would sync again. Once the Lead is converted, its Account and Contact are
/// linked (reason <c>metadata</c>) unless a Stripe customer already owns them, the Contact only once its
/// Account is the customer's. The customer's own writes are then sent update-only
/// (<see cref="CompositePlanBuilder.UpdateByExternalId"/>): they reach the converted records and never
/// create an Account or Contact next to an open Lead.
/// </summary>
internal sealed class LeadRung(SalesforceMappingOptions options)
{
    /// <summary>Reference id of the query for the open Lead.</summary>
    public const string OpenLead = "leadOpen";

    /// <summary>Reference id of the write of the open Lead's Stripe fields.</summary>
    public const string LeadStripeFields = "leadStripe";

    /// <summary>Adds the rung's six subrequests.</summary>
    public void Add(CompositePlanBuilder plan, string customerId, string leadId, string eventAt)
    {
        var lead = options.LeadLink;
        var account = options.Account;
        var contact = options.Contact;
        var from = Soql.Identifier(lead.Object);
        var converted = Soql.Identifier(lead.IsConverted);

        plan.Query(OpenLead, Soql.Query($"SELECT Id FROM {from} WHERE Id = {leadId} AND {converted} = false"), IdentityRules.LeadNotOpen);
        plan.Update(LeadStripeFields, lead.Object, CompositePlanBuilder.Ref(OpenLead, "records[0].Id"), new JsonObject
        {
            [lead.ExternalId] = customerId,
            [lead.CustomerEventAt] = eventAt,
        }, IdentityRules.LeadNotOpen);

        var accountField = lead.ConvertedAccountId;
        var contactField = lead.ConvertedContactId;
        var convertedAccount = RelationshipOf(accountField);
        var convertedContact = RelationshipOf(contactField);
        var accountKey = Soql.Identifier($"{convertedAccount}.{account.ExternalId}");
        plan.Query("leadAccount", Soql.Query($"SELECT Id, {Soql.Identifier(accountField)} FROM {from} WHERE Id = {leadId} AND {converted} = true AND ({accountKey} = null OR {accountKey} = {customerId}) AND {Soql.Identifier($"{convertedAccount}.{account.MatchReason}")} = null"), IdentityRules.LeadNotConvertedOrLinked);
        plan.Update("leadAccountClaim", account.Object, CompositePlanBuilder.Ref("leadAccount", $"records[0].{accountField}"), new JsonObject
        {
            [account.ExternalId] = customerId,
            [account.MatchReason] = MatchReason.Metadata,
            [account.NameEventAt] = SalesforceValues.DateTime(AccountWriter.MatchedNameAt),
        }, IdentityRules.LeadNotConvertedOrLinked);

        // The Contact: free, or carrying the customer's id already (lead conversion can map the Lead's
        // Stripe id onto it) but no reason yet; and only once its Account is the customer's.
        var contactKey = Soql.Identifier($"{convertedContact}.{contact.ExternalId}");
        plan.Query("leadContact", Soql.Query($"SELECT Id, {Soql.Identifier(contactField)} FROM {from} WHERE Id = {leadId} AND {converted} = true AND ({contactKey} = null OR {contactKey} = {customerId}) AND {Soql.Identifier($"{convertedContact}.{contact.MatchReason}")} = null AND {accountKey} = {customerId}"), IdentityRules.LeadNotConvertedOrLinked);
        plan.Update("leadContactClaim", contact.Object, CompositePlanBuilder.Ref("leadContact", $"records[0].{contactField}"), new JsonObject
        {
            [contact.ExternalId] = customerId,
            [contact.MatchReason] = MatchReason.Metadata,
        }, IdentityRules.LeadNotConvertedOrLinked);
    }

    // ConvertedAccountId → ConvertedAccount: the relationship a standard lookup is read through.
    private static string RelationshipOf(string lookupField) =>
        lookupField.EndsWith("Id", StringComparison.Ordinal) ? lookupField[..^2] : lookupField.EndsWith("__c", StringComparison.Ordinal) ? lookupField[..^3] + "__r" : lookupField;
}
