using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// The writes every customer.subscription.* event makes: the Account's subscription field group and
/// the subscription's own Opportunity (keyed by subscription id), each stamped with the event time so
/// the org's stale-event rules reject an older event's write.
/// </summary>
internal sealed class SubscriptionRecords(SalesforceMappingOptions mapping, AccountWriter accounts)
{
    public const string AccountRef = "subscriptionAccount";
    public const string OpportunityRef = "subscriptionOpportunity";

    /// <summary>Reference id of the Account's Customer Health group, when the change decides it.</summary>
    public const string AccountHealthRef = "subscriptionAccountHealth";

    /// <summary>Reference id of the Opportunity's loss-reason note, when the event writes one.</summary>
    public const string OpportunityNoteRef = "subscriptionOpportunityNote";

    /// <summary>Reference id of the subrequest that creates a missing subscription Opportunity.</summary>
    public const string OpportunityCreateRef = "subscriptionOpportunityCreate";

    /// <summary>Event time of create-only writes: older than any real event, so they never overwrite one.</summary>
    public static readonly DateTimeOffset CreateOnlyEventAt = DateTimeOffset.UnixEpoch;

    private const int MaxOpportunityName = 120;

    /// <summary>Account + Opportunity and nothing else (paused, resumed, trial_will_end); empty when the flow is off.</summary>
    public WritePlan Baseline(StripeEventContext context)
    {
        if (!mapping.Flows.Subscriptions)
        {
            return WritePlan.Empty;
        }

        var subscription = SubscriptionEvent.Read(context, mapping);
        var plan = new CompositePlanBuilder();
        UpsertAccount(plan, subscription, new JsonObject());
        UpsertOpportunity(plan, subscription, new JsonObject());
        return plan.Build();
    }

    /// <summary>
    /// The Account's subscription group: status, plan, MRR/ARR and the group's event time. <paramref name="extra"/>
    /// (Customer Health, which refunds and disputes decide as well) is a guard group of its own, under
    /// <c>Stripe_Health_Event_At__c</c>, in a subrequest of its own after the subscription group.
    /// </summary>
    public void UpsertAccount(CompositePlanBuilder plan, SubscriptionEvent subscription, JsonObject extra)
    {
        var account = mapping.Account;
        var run = subscription.Revenue.RunRate;
        var fields = new JsonObject
        {
            [account.SubscriptionStatus] = subscription.Facts.Status,
            [account.PlanName] = subscription.Revenue.PlanName,
            [account.PlanInterval] = run.PlanInterval,
            [account.Mrr] = run.Mrr,
            [account.Arr] = run.Arr,
            [account.SubscriptionEventAt] = subscription.EventAt,
        };
        accounts.Upsert(plan, AccountRef, subscription.Facts.CustomerId, fields, subscription.Facts.CustomerName);
        if (extra.Count > 0)
        {
            extra[account.HealthEventAt] = subscription.EventAt;
            extra[account.HealthBasis] = extra[account.CustomerHealth]?.DeepClone();
            accounts.UpsertGroup(plan, AccountHealthRef, subscription.Facts.CustomerId, extra);
            if ((string?)extra[account.CustomerHealth] == account.HealthHealthy)
            {
                // A withdrawn cancellation leaves a past-due Account At Risk (see PastDueHealth).
                new PastDueHealth(mapping).AtRiskWhilePastDue(plan, HealthAccount.ByCustomer(account, subscription.Facts.CustomerId), AccountHealthRef + "PastDue");
            }
        }
    }

    /// <summary>
    /// The subscription's Opportunity. Stage and close date are sent on every event (they change with the
    /// subscription). Name, Type and the Account lookup go in a subrequest of their own that carries the
    /// oldest possible event time: it creates a missing Opportunity, and the stale-event rule refuses it
    /// (as done) for one that exists — so sales' naming survives, an Opportunity closed through metadata
    /// is never moved to another Account, and a new subscription costs no second call.
    /// <paramref name="extra"/> (the loss-reason note, written by some events only) is a guard group of its
    /// own, under <c>Stripe_Note_Event_At__c</c>, in a subrequest of its own: sharing the Opportunity's
    /// guard, an older note would be lost whenever a newer event without one was processed first.
    /// </summary>
    public void UpsertOpportunity(CompositePlanBuilder plan, SubscriptionEvent subscription, JsonObject extra)
    {
        var opportunity = mapping.Opportunity;
        var fields = OpportunityFields(subscription);
        var create = OpportunityFields(subscription);
        create[opportunity.AccountRelationship] = accounts.Lookup(subscription.Facts.CustomerId);
        create[opportunity.Name] = Name(subscription.Revenue.PlanName ?? "Subscription", subscription.Facts.Id);
        create[opportunity.Type] = opportunity.TypeNewBusiness;
        create[opportunity.LastEventAt] = SalesforceValues.DateTime(CreateOnlyEventAt);
        plan.Upsert(OpportunityCreateRef, opportunity.Object, opportunity.ExternalId, subscription.Facts.Id, create);

        plan.Upsert(OpportunityRef, opportunity.Object, opportunity.ExternalId, subscription.Facts.Id, fields);
        if (extra.Count > 0)
        {
            extra[opportunity.NoteEventAt] = subscription.EventAt;
            plan.Upsert(OpportunityNoteRef, opportunity.Object, opportunity.ExternalId, subscription.Facts.Id, extra);
        }
    }

    /// <summary>Stage, close date, Amount (ACV), MRR/ARR, event time and currency: what any Opportunity tracking this subscription gets.</summary>
    public JsonObject OpportunityFields(SubscriptionEvent subscription)
    {
        var opportunity = mapping.Opportunity;
        var run = subscription.Revenue.RunRate;
        var fields = new JsonObject
        {
            [opportunity.StageName] = subscription.Outcome.Stage,
            [opportunity.CloseDate] = SalesforceValues.Date(subscription.Outcome.CloseDate),
            [opportunity.Amount] = subscription.Revenue.Acv,
            [opportunity.Mrr] = run.Mrr,
            [opportunity.Arr] = run.Arr,
            [opportunity.LastEventAt] = subscription.EventAt,
        };
        AddCurrency(fields, run.Currency);
        return fields;
    }

    /// <summary><c>CurrencyIsoCode</c> when the org uses multiple currencies and the currency is known.</summary>
    public void AddCurrency(JsonObject fields, string? currency)
    {
        if (mapping.UseCurrencyIsoCode && currency is not null)
        {
            fields["CurrencyIsoCode"] = currency;
        }
    }

    /// <summary>An Opportunity name within Salesforce's 120 characters.</summary>
    public static string Name(string label, string key)
    {
        var name = $"{label} ({key})";
        return name.Length <= MaxOpportunityName ? name : name[..MaxOpportunityName];
    }
}
