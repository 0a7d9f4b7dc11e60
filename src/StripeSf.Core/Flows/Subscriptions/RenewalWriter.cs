using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Renewals;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// The billing-period roll closes the renewal of the term that just ended as Won. It is keyed by
/// <c>Stripe_Renewal_Key__c</c> = subscription id + ":" + the date that term ended (the new period's
/// start, <see cref="RenewalKey"/>) — the record the renewal sweep created ahead of time, or a new one
/// when the sweep did not (a monthly plan, a sweep that has not run): one record per term however often
/// either runs.
/// </summary>
/// <remarks>
/// Three subrequests, as for the subscription's own Opportunity: the create-only one (Name, Type, the
/// Account lookup) carries the create-only epoch, so the stale-event rule refuses it for an existing
/// renewal — the sweep's name, owner and sales' renaming survive; the stage group (Won, close date, ACV,
/// MRR/ARR) and the note ("Renewed in Stripe on …") carry the event time, so they win over the sweep and
/// over an older cancellation's Lost whatever the delivery order.
/// </remarks>
internal sealed class RenewalWriter(SalesforceMappingOptions mapping, AccountWriter accounts, SubscriptionRecords records, IOptions<RenewalsOptions> renewals)
{
    public const string OpportunityRef = "renewalOpportunity";

    /// <summary>Reference id of the create-only subrequest.</summary>
    public const string CreateRef = "renewalOpportunityCreate";

    /// <summary>Reference id of the note group.</summary>
    public const string NoteRef = "renewalOpportunityNote";

    /// <summary>The renewal key; null when the payload has no period start to key it by.</summary>
    public static string? Key(SubscriptionFacts facts) =>
        facts.CurrentPeriodStart is { } start ? RenewalKey.For(facts.Id, start) : null;

    public void Upsert(CompositePlanBuilder plan, SubscriptionEvent subscription)
    {
        var facts = subscription.Facts;
        if (facts.CurrentPeriodStart is not { } termEnd)
        {
            return;
        }

        var opportunity = mapping.Opportunity;
        var key = RenewalKey.For(facts.Id, termEnd);
        var won = renewals.Value.Stages(opportunity).Won;

        var create = Won(records.OpportunityFields(subscription), termEnd, won);
        create[opportunity.Name] = RenewalKey.Name(subscription.Revenue.PlanName, RenewalKey.Quantity(subscription.Revenue.RunRate), termEnd, facts.Id);
        create[opportunity.Type] = opportunity.TypeRenewal;
        create[opportunity.AccountRelationship] = accounts.Lookup(facts.CustomerId);
        create[opportunity.LastEventAt] = SalesforceValues.DateTime(SubscriptionRecords.CreateOnlyEventAt);
        plan.Upsert(CreateRef, opportunity.Object, opportunity.RenewalKey, key, create);

        plan.Upsert(OpportunityRef, opportunity.Object, opportunity.RenewalKey, key, Won(records.OpportunityFields(subscription), termEnd, won));

        var until = facts.CurrentPeriodEnd is { } end ? $" to {SalesforceValues.Date(end)}" : "";
        plan.Upsert(NoteRef, opportunity.Object, opportunity.RenewalKey, key, new JsonObject
        {
            [opportunity.LossReason] = $"Renewed in Stripe on {SalesforceValues.Date(subscription.Context.Created)}: new term {SalesforceValues.Date(termEnd)}{until}.",
            [opportunity.NoteEventAt] = subscription.EventAt,
        });
    }

    private JsonObject Won(JsonObject fields, DateTimeOffset termEnd, string stage)
    {
        fields[mapping.Opportunity.StageName] = stage;
        fields[mapping.Opportunity.CloseDate] = SalesforceValues.Date(termEnd);
        return fields;
    }
}
