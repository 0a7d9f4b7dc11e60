using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Matching;

/// <summary>
/// The last rung: after a customer event's upserts, the Account and Contact that carry the customer's
/// Stripe id but no reason, were created during this event's processing and hold this event's
/// customer time (so this event's own write reached them, not refused as stale), get <c>created</c>.
/// A record that already existed has its reason from the rung that linked it, or — linked before
/// reasons were recorded, or by hand — keeps none (created before the event, so the query skips it).
/// </summary>
internal sealed class CreatedStamp(SalesforceMappingOptions options)
{
    /// <summary>Slack for the clocks of Stripe and Salesforce: a record created this long before the event's time still counts as new.</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(10);

    /// <summary>Reference id of the query for the new Account.</summary>
    public const string NewAccount = "createdAccount";

    /// <summary>Reference id of the query for the new Contact.</summary>
    public const string NewContact = "createdContact";

    /// <summary>Adds the two queries and two stamps.</summary>
    public void Add(CompositePlanBuilder plan, string customerId, DateTimeOffset eventCreated)
    {
        var since = eventCreated - ClockSlack;
        foreach (var (referenceId, sObject, externalId, reasonField, eventAtField) in new[]
        {
            (NewAccount, options.Account.Object, options.Account.ExternalId, options.Account.MatchReason, options.Account.CustomerEventAt),
            (NewContact, options.Contact.Object, options.Contact.ExternalId, options.Contact.MatchReason, options.Contact.CustomerEventAt),
        })
        {
            plan.Query(referenceId, Soql.Query($"SELECT Id FROM {Soql.Identifier(sObject)} WHERE {Soql.Identifier(externalId)} = {customerId} AND {Soql.Identifier(reasonField)} = null AND {Soql.Identifier(eventAtField)} = {eventCreated} AND CreatedDate >= {since} LIMIT 1"), IdentityRules.NothingCreated);
            plan.Update($"{referenceId}Reason", sObject, CompositePlanBuilder.Ref(referenceId, "records[0].Id"), new JsonObject { [reasonField] = MatchReason.Created }, IdentityRules.NothingCreated);
        }
    }
}
