using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Matching;

/// <summary>
/// One email rung of the identity ladder, inside the event's composite call (composite has no
/// branching, so every condition is a query whose first row later subrequests reference: a query that
/// finds nothing makes them fail harmlessly). The candidates are the Contacts with the email that no
/// Stripe customer owns, on an Account that is unlinked or already the customer's. They are read twice,
/// sorted by Account both ways; the match exists only when both ends name the same Account, so Contacts
/// with the email on two Accounts are never guessed between (the ambiguity Task lists them instead).
/// The Account is claimed first; the Contact only once its Account is the customer's, so a claim never
/// moves a Contact to another Account. A claim that would take a Stripe id some other record already
/// carries (the unique external id) fails with DUPLICATE_VALUE: an earlier rung won.
/// </summary>
internal sealed class EmailRung(SalesforceMappingOptions options, string prefix, string email, string reason)
{
    /// <summary>The candidate with the lowest Account id.</summary>
    public string Low => $"{prefix}Low";

    /// <summary>The candidate with the highest Account id.</summary>
    public string High => $"{prefix}High";

    /// <summary>The email this rung matches.</summary>
    public string Email => email;

    /// <summary>The reason its claims record.</summary>
    public string Reason => reason;

    /// <summary>Adds the rung's queries and claims (six subrequests).</summary>
    public void AddClaims(CompositePlanBuilder plan, string customerId)
    {
        var contact = options.Contact;
        var account = options.Account;
        var lookup = WrittenFieldCatalog.LookupField(contact.AccountRelationship);
        var accountKey = Soql.Identifier($"{contact.AccountRelationship}.{account.ExternalId}");
        var fields = SoqlFields.Of("Id", lookup, contact.LastName, $"{contact.AccountRelationship}.{account.Name}", $"{contact.AccountRelationship}.OwnerId");
        var from = Soql.Identifier(contact.Object);
        var byAccount = Soql.Identifier(lookup);
        plan.Query(Low, Soql.Query($"SELECT {fields} FROM {from} WHERE {Soql.Identifier(contact.Email)} = {email} AND {Soql.Identifier(contact.ExternalId)} = null AND {byAccount} != null AND ({accountKey} = null OR {accountKey} = {customerId}) ORDER BY {byAccount} ASC, CreatedDate ASC, Id ASC LIMIT 1"), IdentityRules.NoUniqueEmailMatch);
        plan.Query(High, Soql.Query($"SELECT {fields} FROM {from} WHERE {Soql.Identifier(contact.Email)} = {email} AND {Soql.Identifier(contact.ExternalId)} = null AND {byAccount} != null AND ({accountKey} = null OR {accountKey} = {customerId}) ORDER BY {byAccount} DESC, CreatedDate ASC, Id ASC LIMIT 1"), IdentityRules.NoUniqueEmailMatch);

        var lowId = CompositePlanBuilder.Ref(Low, "records[0].Id");
        var highAccount = CompositePlanBuilder.Ref(High, $"records[0].{lookup}");
        var match = $"{prefix}Match";
        plan.QueryUsing(match, Soql.Query($"SELECT Id, {Soql.Identifier(lookup)} FROM {Soql.Identifier(contact.Object)} WHERE Id = {lowId} AND {Soql.Identifier(lookup)} = {highAccount}"), IdentityRules.NoUniqueEmailMatch, lowId, highAccount);
        plan.Update($"{prefix}ClaimAccount", account.Object, CompositePlanBuilder.Ref(match, $"records[0].{lookup}"), new JsonObject
        {
            [account.ExternalId] = customerId,
            [account.MatchReason] = reason,
            [account.NameEventAt] = SalesforceValues.DateTime(AccountWriter.MatchedNameAt),
        }, IdentityRules.NoUniqueEmailMatch);

        var matchId = CompositePlanBuilder.Ref(match, "records[0].Id");
        var owned = $"{prefix}Owned";
        plan.QueryUsing(owned, Soql.Query($"SELECT Id FROM {Soql.Identifier(contact.Object)} WHERE Id = {matchId} AND {accountKey} = {customerId}"), IdentityRules.NoUniqueEmailMatch, matchId);
        plan.Update($"{prefix}ClaimContact", contact.Object, CompositePlanBuilder.Ref(owned, "records[0].Id"), new JsonObject
        {
            [contact.ExternalId] = customerId,
            [contact.MatchReason] = reason,
        }, IdentityRules.NoUniqueEmailMatch);
    }

    /// <summary>
    /// Adds the ambiguity Task (two subrequests), after the customer's records were written: only when
    /// the rung's candidates sit on two Accounts and this event created the customer's Contact
    /// (<paramref name="newContact"/>, <paramref name="newAccount"/>: the queries of <see cref="CreatedStamp"/>).
    /// </summary>
    public void AddAmbiguityTask(CompositePlanBuilder plan, string customerId, string newAccount, string newContact)
    {
        var contact = options.Contact;
        var task = options.Task;
        var lookup = WrittenFieldCatalog.LookupField(contact.AccountRelationship);
        var highId = CompositePlanBuilder.Ref(High, "records[0].Id");
        var lowAccount = CompositePlanBuilder.Ref(Low, $"records[0].{lookup}");
        var split = $"{prefix}Split";
        plan.QueryUsing(split, Soql.Query($"SELECT Id FROM {Soql.Identifier(contact.Object)} WHERE Id = {highId} AND {Soql.Identifier(lookup)} != {lowAccount}"), IdentityRules.NotAmbiguous, highId, lowAccount);

        string Candidate(string end) =>
            $"Contact {CompositePlanBuilder.Ref(end, $"records[0].{contact.LastName}")} ({CompositePlanBuilder.Ref(end, "records[0].Id")}) " +
            $"on Account {CompositePlanBuilder.Ref(end, $"records[0].{contact.AccountRelationship}.{options.Account.Name}")} ({CompositePlanBuilder.Ref(end, $"records[0].{lookup}")})";
        var description =
            $"Stripe customer {customerId} has the email {email}, which unlinked Contacts on more than one Account share, so no record was guessed: " +
            $"a new Account ({CompositePlanBuilder.Ref(newAccount, "records[0].Id")}) and Contact ({CompositePlanBuilder.Ref(newContact, "records[0].Id")}) were created, Match_Reason__c = created.\n" +
            $"Candidates (the two ends of the list; search Contacts for {email} to see all):\n- {Candidate(Low)}\n- {Candidate(High)}\n" +
            "To link the right one: put the Stripe id on that Contact and its Account (Match_Reason__c = stripe_id), then delete or merge the new records; " +
            "or set the customer's metadata salesforce_contact_id in Stripe. Shown by the ambiguity check of " + CompositePlanBuilder.Ref(split, "records[0].Id") + ".";
        plan.Upsert($"{prefix}Task", task.Object, task.ExternalId, $"identity:{customerId}:{reason}", new JsonObject
        {
            [task.Subject] = $"Link Stripe customer {customerId} by hand: {email} matches Contacts on several Accounts",
            [task.Priority] = task.PriorityNormal,
            [task.OwnerId] = CompositePlanBuilder.Ref(Low, $"records[0].{contact.AccountRelationship}.OwnerId"),
            [task.WhatId] = CompositePlanBuilder.Ref(newAccount, "records[0].Id"),
            [task.Description] = description,
        }, IdentityRules.NotAmbiguous);
    }
}
