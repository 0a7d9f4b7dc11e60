using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// Closing the deal: the Opportunity sales named in Stripe metadata is updated by its record id (not a
/// new one created) and a Contract keyed by the subscription id is upserted on the customer's Account.
/// </summary>
internal sealed class DealCloser(SalesforceMappingOptions mapping, AccountWriter accounts)
{
    public const string OpportunityRef = "closedOpportunity";
    public const string ContractRef = "subscriptionContract";
    public const string AccountRef = "dealAccount";

    /// <summary>
    /// <c>PATCH sobjects/Opportunity/{id}</c> with <paramref name="fields"/> and the subscription id, which
    /// ties the Opportunity to the subscription: later customer.subscription.* events find it by that id.
    /// </summary>
    public CompositeSubrequest CloseOpportunity(string opportunityId, string subscriptionId, JsonObject fields)
    {
        var opportunity = mapping.Opportunity;
        fields[opportunity.ExternalId] = subscriptionId;
        return new CompositeSubrequest("PATCH", $"sobjects/{opportunity.Object}/{Uri.EscapeDataString(opportunityId)}", OpportunityRef, fields);
    }

    /// <summary>
    /// The Contract on the customer's Account. Status is sent only when the Contract is created: an
    /// activated Contract must never be set back to Draft by a redelivered event. Without a known term the
    /// default term is likewise sent only on create, so it never overwrites a real one.
    /// </summary>
    public void UpsertContract(CompositePlanBuilder plan, StripeEventContext context, string subscriptionId, string customerId, DateTimeOffset start, int? termMonths, string? planName)
    {
        var contract = mapping.Contract;
        var fields = new JsonObject
        {
            [contract.AccountRelationship] = accounts.Lookup(customerId),
            [contract.StartDate] = SalesforceValues.Date(start),
        };
        if (termMonths is { } months)
        {
            fields[contract.ContractTerm] = months;
        }

        if (planName is not null)
        {
            fields[contract.PlanName] = planName;
        }

        if (context.IncludeCreateFields)
        {
            fields[contract.Status] = contract.StatusDraft;
            fields[contract.ContractTerm] ??= ContractTerm.DefaultMonths;
        }

        plan.Upsert(ContractRef, contract.Object, contract.ExternalId, subscriptionId, fields);
    }

    /// <summary>
    /// Makes sure the Account exists (created, named, on first sight) without writing any field group the
    /// event does not own: an upsert with no fields changes nothing on an existing Account.
    /// </summary>
    public void EnsureAccount(CompositePlanBuilder plan, StripeEventContext context, string customerId, string? name) =>
        accounts.Upsert(plan, context, AccountRef, customerId, new JsonObject(), name);
}
