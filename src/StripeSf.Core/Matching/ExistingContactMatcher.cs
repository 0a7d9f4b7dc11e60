using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Matching;

/// <summary>
/// First sight of a Stripe customer: before anything is created, attach an existing Contact with the
/// customer's email — and that Contact's Account — by writing the Stripe customer id onto them, so the
/// upserts by external id that follow, in the same composite call, update those records instead of
/// creating duplicates. The attached Account's name guard is set to the far future, so the customer's
/// name never replaces the one sales gave it. When nothing matches, the claims fail harmlessly (their
/// reference finds no record) and cost no extra call.
/// </summary>
public sealed class ExistingContactMatcher(IOptions<SalesforceMappingOptions> options)
{
    /// <summary>Reference id of the Contact query.</summary>
    public const string MatchRef = "matchContact";

    /// <summary>Reference id of the Contact claim.</summary>
    public const string ContactClaimRef = "claimContact";

    /// <summary>Reference id of the Account claim.</summary>
    public const string AccountClaimRef = "claimAccount";

    /// <summary>A claim that finds no Contact to attach (its reference matches no record) fails harmlessly.</summary>
    public static WriteRule NothingToClaim { get; } = WriteRule.Optional("no unclaimed Contact with the customer's email");

    /// <summary>
    /// <paramref name="plan"/> with the claims in front, or unchanged when matching is off, the event
    /// carries no email, or the plan is all-or-none (a claim that finds nothing must not roll it back).
    /// </summary>
    public WritePlan WithClaims(StripeEventContext context, WritePlan plan)
    {
        var mapping = options.Value;
        if (!mapping.MatchContactsByEmail || plan.AllOrNone || plan.IsEmpty || CustomerEmailReader.Read(context) is not { } customer)
        {
            return plan;
        }

        var contact = mapping.Contact;
        var account = mapping.Account;
        var contactKey = Soql.Identifier(contact.ExternalId);
        var accountKey = Soql.Identifier($"{contact.AccountRelationship}.{account.ExternalId}");

        // Only records no Stripe customer owns yet. When several Contacts share the address, the
        // oldest (the one sales has worked with longest) is attached; composite has no branching,
        // so "exactly one" cannot be required within the one call.
        var query = Soql.Query($"SELECT Id, {Soql.Identifier(WrittenFieldCatalog.LookupField(contact.AccountRelationship))} FROM {Soql.Identifier(contact.Object)} WHERE {Soql.Identifier(contact.Email)} = {customer.Email} AND {contactKey} = null AND {accountKey} = null ORDER BY CreatedDate LIMIT 1");
        var claims = new CompositePlanBuilder()
            .Query(MatchRef, query, NothingToClaim)
            .Update(ContactClaimRef, contact.Object, CompositePlanBuilder.Ref(MatchRef, "records[0].Id"), new JsonObject { [contact.ExternalId] = customer.CustomerId, [contact.MatchReason] = MatchReason.Email }, NothingToClaim)
            .Update(AccountClaimRef, account.Object, CompositePlanBuilder.Ref(MatchRef, $"records[0].{WrittenFieldCatalog.LookupField(contact.AccountRelationship)}"), new JsonObject
            {
                [account.ExternalId] = customer.CustomerId,
                [account.MatchReason] = MatchReason.Email,
                [account.NameEventAt] = SalesforceValues.DateTime(Flows.Shared.AccountWriter.MatchedNameAt),
            }, NothingToClaim);
        return plan.After(claims.Build().Writes);
    }

    /// <summary>True when one of the <paramref name="missing"/> subrequests of <paramref name="plan"/> writes an Account: only then is there something to match.</summary>
    public bool CreatesAccount(WritePlan plan, IReadOnlySet<string> missing) =>
        plan.Writes.Any(w => missing.Contains(w.ReferenceId) && w.Subrequest.Target?.SObject == options.Value.Account.Object);
}
