using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Matching;

/// <summary>
/// First sight of a Stripe customer through an event of another object (invoice, charge, checkout
/// session) whose Account does not exist yet: before anything is created, the email rung of the
/// identity ladder (<see cref="EmailRung"/>) attaches the Contact with the event's email — and that
/// Contact's Account — by writing the Stripe customer id onto them (<c>Match_Reason__c</c> = email), so
/// the upserts by external id that follow, in the same composite call, update those records instead of
/// creating duplicates. Contacts with the email on several Accounts are never guessed between. The
/// attached Account's name guard is set to the far future, so the customer's name never replaces the
/// one sales gave it. When nothing matches, the claims fail harmlessly and cost no extra call.
/// Customer events walk the whole ladder themselves (<see cref="CustomerIdentity"/>).
/// </summary>
public sealed class ExistingContactMatcher(IOptions<SalesforceMappingOptions> options)
{
    /// <summary>Prefix of the claims' reference ids (<c>matchLow</c>, <c>matchClaimAccount</c>…).</summary>
    public const string Prefix = "match";

    private const int ClaimSubrequests = 6;

    /// <summary>A claim that finds no Contact to attach (its reference matches no record) fails harmlessly.</summary>
    public static WriteRule NothingToClaim => IdentityRules.NoUniqueEmailMatch;

    /// <summary>
    /// <paramref name="plan"/> with the claims in front, or unchanged when matching is off, the event
    /// carries no email, the plan is all-or-none (a claim that finds nothing must not roll it back), or
    /// the claims would not fit in the call.
    /// </summary>
    public WritePlan WithClaims(StripeEventContext context, WritePlan plan)
    {
        var mapping = options.Value;
        if (!mapping.MatchContactsByEmail || plan.AllOrNone || plan.IsEmpty || CustomerEmailReader.Read(context) is not { } customer
            || plan.Writes.Count + ClaimSubrequests > Salesforce.Composite.CompositeRequest.MaxSubrequests)
        {
            return plan;
        }

        var claims = new CompositePlanBuilder();
        new EmailRung(mapping, Prefix, customer.Email, MatchReason.Email).AddClaims(claims, customer.CustomerId);
        return plan.After(claims.Build().Writes);
    }

    /// <summary>True when one of the <paramref name="missing"/> subrequests of <paramref name="plan"/> writes an Account: only then is there something to match.</summary>
    public bool CreatesAccount(WritePlan plan, IReadOnlySet<string> missing) =>
        plan.Writes.Any(w => missing.Contains(w.ReferenceId) && w.Subrequest.Target?.SObject == options.Value.Account.Object);
}
