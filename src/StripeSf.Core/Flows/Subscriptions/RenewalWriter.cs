using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// A renewal Opportunity for the period a subscription just renewed into, keyed by
/// <c>Stripe_Renewal_Key__c</c> = subscription id + ":" + the new period's end date, so each period is
/// one record however often the event is delivered.
/// </summary>
internal sealed class RenewalWriter(SalesforceMappingOptions mapping, AccountWriter accounts, SubscriptionRecords records)
{
    public const string OpportunityRef = "renewalOpportunity";

    /// <summary>The renewal key; null when the payload has no period end to key it by.</summary>
    public static string? Key(SubscriptionFacts facts) =>
        facts.CurrentPeriodEnd is { } end ? $"{facts.Id}:{SalesforceValues.Date(end)}" : null;

    /// <remarks>
    /// Name is sent every time: the record is born from this one event (only a redelivery rewrites it), and
    /// sending it saves the second call a create-only Name would cost on every renewal.
    /// </remarks>
    public void Upsert(CompositePlanBuilder plan, SubscriptionEvent subscription)
    {
        if (Key(subscription.Facts) is not { } key)
        {
            return;
        }

        var opportunity = mapping.Opportunity;
        var facts = subscription.Facts;
        var fields = records.OpportunityFields(subscription);
        fields[opportunity.CloseDate] = SalesforceValues.Date(facts.CurrentPeriodStart ?? subscription.Context.Created);
        fields[opportunity.Name] = SubscriptionRecords.Name(
            $"Renewal {subscription.Revenue.PlanName ?? "subscription"} to {SalesforceValues.Date(facts.CurrentPeriodEnd!.Value)}", facts.Id);
        fields[opportunity.Type] = opportunity.TypeRenewal;
        fields[opportunity.AccountRelationship] = accounts.Lookup(facts.CustomerId);
        plan.Upsert(OpportunityRef, opportunity.Object, opportunity.RenewalKey, key, fields);
    }
}
