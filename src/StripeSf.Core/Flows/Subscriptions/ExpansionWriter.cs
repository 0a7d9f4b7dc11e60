using System.Globalization;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// An expansion (an upgrade, plan or quantity change raising MRR by at least
/// <see cref="SalesforceMappingOptions.ExpansionThresholdMrr"/>): an expansion Opportunity worth the
/// added ARR, and a Task for the Account owner to follow up.
/// </summary>
internal sealed class ExpansionWriter(SalesforceMappingOptions mapping, AccountWriter accounts, SubscriptionRecords records)
{
    public const string OpportunityRef = "expansionOpportunity";
    public const string OwnerRef = "expansionOwner";
    public const string TaskRef = "expansionTask";

    public bool IsExpansion(SubscriptionChange change) =>
        change.Kind is SubscriptionChangeKind.Upgrade or SubscriptionChangeKind.PlanChange or SubscriptionChangeKind.QuantityChange
        && change.MrrDelta is { } delta && delta > 0m && delta >= mapping.ExpansionThresholdMrr;

    /// <summary>
    /// The expansion Opportunity is keyed by <c>Stripe_Renewal_Key__c</c> = subscription id + ":expansion:" +
    /// event id: one record per expanding event, however often it is delivered. The Task is keyed by the
    /// event id; its owner and related Account come from a GET of the Account in the same call.
    /// </summary>
    public void Add(CompositePlanBuilder plan, SubscriptionEvent subscription, SubscriptionChange change)
    {
        var context = subscription.Context;
        var facts = subscription.Facts;
        var currency = change.Currency ?? "USD";
        var mrrDelta = change.MrrDelta!.Value;
        var arrDelta = Money.Round(mrrDelta * 12m, currency);
        var planName = subscription.Revenue.PlanName ?? "subscription";
        var opportunity = mapping.Opportunity;

        // Sent whole every time, Name included: the record is born from this one event.
        var fields = new JsonObject
        {
            [opportunity.Name] = SubscriptionRecords.Name($"Expansion {planName}", facts.Id),
            [opportunity.Type] = opportunity.TypeExpansion,
            [opportunity.StageName] = opportunity.StageClosedWon,
            [opportunity.CloseDate] = SalesforceValues.Date(context.Created),
            [opportunity.Amount] = arrDelta,
            [opportunity.Mrr] = mrrDelta,
            [opportunity.Arr] = arrDelta,
            [opportunity.LastEventAt] = subscription.EventAt,
            [opportunity.AccountRelationship] = accounts.Lookup(facts.CustomerId),
        };
        records.AddCurrency(fields, change.Currency);
        plan.Upsert(OpportunityRef, opportunity.Object, opportunity.RenewalKey, $"{facts.Id}:expansion:{context.EventId}", fields);

        var account = mapping.Account;
        plan.Get(OwnerRef, account.Object, account.ExternalId, facts.CustomerId, "Id", "OwnerId");

        var task = mapping.Task;
        var amounts = $"{Format(change.MrrBefore ?? 0m, currency)} → {Format(change.MrrAfter, currency)} {currency}";
        // No Status: Salesforce's default applies when the Task is created, and a redelivery never
        // reopens a Task the owner has completed.
        plan.Upsert(TaskRef, task.Object, task.ExternalId, context.EventId, new JsonObject
        {
            [task.Subject] = $"Expansion: +{Format(mrrDelta, currency)} {currency} MRR on {planName}",
            [task.Priority] = task.PriorityNormal,
            [task.OwnerId] = CompositePlanBuilder.Ref(OwnerRef, "OwnerId"),
            [task.WhatId] = CompositePlanBuilder.Ref(OwnerRef, "Id"),
            [task.ActivityDate] = SalesforceValues.Date(context.Created),
            [task.Description] = $"Subscription {facts.Id} ({change.Kind}) went from {amounts} MRR (+{Format(arrDelta, currency)} ARR). Stripe event {context.EventId}.",
        });
    }

    // Amounts in the currency's own precision (1,234.50 USD, 1,235 JPY), invariant culture.
    private static string Format(decimal amount, string currency) =>
        amount.ToString("N" + CurrencyExponent.Of(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
