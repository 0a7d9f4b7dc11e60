using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Query;

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
    /// Event time of what checkout.session.completed writes on the deal's records: just after the
    /// create-only epoch, so the subscription events' create-only subrequest never renames or re-parents
    /// the deal, and older than every real event, so the subscription's own events — which know the
    /// amounts, the term and the plan — always win over the session's partial view, in either order.
    /// </summary>
    public static readonly DateTimeOffset CheckoutEventAt = SubscriptionRecords.CreateOnlyEventAt.AddSeconds(1);

    /// <summary>Reference id of the query for an Opportunity already holding the subscription id.</summary>
    public const string SupersededQueryRef = "supersededOpportunity";

    /// <summary>Reference id of that Opportunity's deletion.</summary>
    public const string SupersededDeleteRef = "deleteSupersededOpportunity";

    /// <summary>Reference id of the copy of its revenue figures onto the deal Opportunity.</summary>
    public const string SupersededRevenueRef = "copySupersededRevenue";

    /// <summary>Reference id of the copy of its loss-reason note (a guard group of its own, often empty).</summary>
    public const string SupersededNoteRef = "copySupersededNote";

    /// <summary>
    /// <c>PATCH sobjects/Opportunity/{id}</c> with <paramref name="fields"/> and the subscription id, which
    /// ties the Opportunity to the subscription: later customer.subscription.* events find it by that id.
    /// Events arrive in any order: when a subscription event came first, it created the subscription's
    /// own Opportunity under that id, and the unique id would refuse the close (DUPLICATE_VALUE). So the
    /// same call first finds such an Opportunity (any other than the deal) and deletes it — this
    /// integration created it moments earlier; the deal Opportunity carries the subscription from then on,
    /// and takes over its whole guard group — stage, close date, Amount, MRR, ARR and event time (the
    /// subscription event that wrote them is done and will not come again) — and, in a subrequest of its
    /// own, its loss-reason note with the note's event time. When there is none, the references find no
    /// record and the deletion and the copies fail harmlessly (so does the note's copy when it has none).
    /// </summary>
    public void CloseOpportunity(CompositePlanBuilder plan, string opportunityId, string subscriptionId, JsonObject fields)
    {
        var opportunity = mapping.Opportunity;
        fields[opportunity.ExternalId] = subscriptionId;

        // The subscription events' create-only subrequest (epoch) must never rename or re-parent the
        // deal: a time just after it makes that subrequest stale, while every real event is newer.
        fields[opportunity.LastEventAt] ??= SalesforceValues.DateTime(CheckoutEventAt);
        string[] revenue = [opportunity.StageName, opportunity.CloseDate, opportunity.Amount, opportunity.Mrr, opportunity.Arr, opportunity.LastEventAt];
        string[] note = [opportunity.LossReason, opportunity.NoteEventAt];
        var superseded = Soql.Query(
            $"SELECT Id, {Soql.Identifier(opportunity.StageName)}, {Soql.Identifier(opportunity.CloseDate)}, {Soql.Identifier(opportunity.Amount)}, {Soql.Identifier(opportunity.Mrr)}, {Soql.Identifier(opportunity.Arr)}, {Soql.Identifier(opportunity.LastEventAt)}, {Soql.Identifier(opportunity.LossReason)}, {Soql.Identifier(opportunity.NoteEventAt)} FROM {Soql.Identifier(opportunity.Object)} WHERE {Soql.Identifier(opportunity.ExternalId)} = {subscriptionId} AND Id != {opportunityId} LIMIT 1");

        // The cleanup's references find no record when nothing was superseded: those failures are harmless.
        var nothingSuperseded = WriteRule.Optional("no superseded Opportunity to remove");
        plan.Query(SupersededQueryRef, superseded)
            .Delete(SupersededDeleteRef, opportunity.Object, CompositePlanBuilder.Ref(SupersededQueryRef, "records[0].Id"), nothingSuperseded)
            .Update(OpportunityRef, opportunity.Object, Uri.EscapeDataString(opportunityId), fields)
            .Update(SupersededRevenueRef, opportunity.Object, Uri.EscapeDataString(opportunityId), Copy(revenue), nothingSuperseded)
            .Update(SupersededNoteRef, opportunity.Object, Uri.EscapeDataString(opportunityId), Copy(note), nothingSuperseded);

        static JsonObject Copy(string[] fields)
        {
            var copy = new JsonObject();
            foreach (var field in fields)
            {
                copy[field] = CompositePlanBuilder.Ref(SupersededQueryRef, $"records[0].{field}");
            }

            return copy;
        }
    }

    /// <summary>
    /// The Contract on the customer's Account. Status is sent only when the Contract is created: an
    /// activated Contract must never be set back to Draft by a redelivered event. Without a known term the
    /// default term is likewise sent only on create, so it never overwrites a real one. The Contract's
    /// event time (<paramref name="eventAt"/>, else the event's) orders its writers: customer.subscription.created
    /// knows start, term and plan; checkout.session.completed only its own completion date, so it writes with
    /// <see cref="CheckoutEventAt"/> and its view survives only until the subscription's arrives, in either order.
    /// </summary>
    public void UpsertContract(CompositePlanBuilder plan, StripeEventContext context, string subscriptionId, string customerId, DateTimeOffset start, int? termMonths, string? planName, DateTimeOffset? eventAt = null)
    {
        var contract = mapping.Contract;
        var fields = new JsonObject
        {
            [contract.AccountRelationship] = accounts.Lookup(customerId),
            [contract.StartDate] = SalesforceValues.Date(start),
            [contract.LastEventAt] = SalesforceValues.DateTime(eventAt ?? context.Created),
        };
        if (termMonths is { } months)
        {
            fields[contract.ContractTerm] = months;
        }

        if (planName is not null)
        {
            fields[contract.PlanName] = planName;
        }

        // Status (and, without a known term, the default term) only when the Contract is created.
        var creating = new WhenCreating(AddFields: new JsonObject
        {
            [contract.Status] = contract.StatusDraft,
            [contract.ContractTerm] = ContractTerm.DefaultMonths,
        });
        plan.Upsert(ContractRef, contract.Object, contract.ExternalId, subscriptionId, fields, creating: creating);
    }

    /// <summary>
    /// Makes sure the Account exists (created, named, on first sight) without writing any field group the
    /// event does not own: an upsert with no fields changes nothing on an existing Account.
    /// </summary>
    public void EnsureAccount(CompositePlanBuilder plan, string customerId, string? name) =>
        accounts.Upsert(plan, AccountRef, customerId, new JsonObject(), name);
}
