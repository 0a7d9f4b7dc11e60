using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Disputes;

/// <summary>
/// charge.dispute.* → a high-priority Case keyed by the dispute id, Customer Health, and (when lost)
/// a negative entry. A dispute names its charge but not the customer, and handlers make no network
/// calls, so the Account is found inside the same composite request: a GET of the charge's payment
/// entry (written by charge.succeeded) gives its Account Id, which the later subrequests reference.
/// </summary>
internal sealed class DisputePlanner(SalesforceMappingOptions options, PaymentEntryWriter entries)
{
    private const string ChargeRef = "charge";

    /// <summary>The charge's payment entry not in Salesforce yet means charge.succeeded has not been processed: wait for it.</summary>
    private static readonly WriteRule ChargeEntryWritten =
        WriteRule.WaitsFor("the disputed charge's payment entry (written by charge.succeeded)", f => f.Code == "NOT_FOUND");

    private readonly PaymentEntryWriter _entries = entries;

    /// <summary>The plan of a dispute event; <paramref name="closed"/> for charge.dispute.closed.</summary>
    public WritePlan Plan(StripeEventContext context, bool closed)
    {
        if (!options.Flows.Disputes)
        {
            return WritePlan.Empty;
        }

        var dispute = context.Facts.Dispute();
        var caseMap = options.Case;
        var plan = new CompositePlanBuilder();

        // The Case first and on its own: a dispute must surface even when its charge has no entry
        // (guest payment), in which case the subrequests below fail and the event is dead-lettered
        // naming the missing charge, with the Case already there. Status is written only on close,
        // so a redelivered created event never reopens a Case an agent has moved on: Stripe always creates
        // the closed event after the created one, so Status needs no writer among the older events. The
        // Case's event time orders the rest: a created event processed after the closed one is stale.
        var caseFields = new JsonObject
        {
            [caseMap.Subject] = DisputeCaseText.Subject(dispute),
            [caseMap.Priority] = caseMap.PriorityHigh,
            [caseMap.Description] = DisputeCaseText.Description(dispute, closed),
            [caseMap.LastEventAt] = SalesforceValues.DateTime(context.Created),
        };
        if (closed)
        {
            caseFields[caseMap.Status] = caseMap.StatusClosed;
        }

        plan.Upsert("case", caseMap.Object, caseMap.ExternalId, dispute.Id, caseFields);

        var accountIdField = BillingLookup.IdField(options.Payment.AccountRelationship);
        var accountId = CompositePlanBuilder.Ref(ChargeRef, accountIdField);
        plan.Get(ChargeRef, options.Payment.Object, options.Payment.ExternalId, dispute.ChargeId, ChargeEntryWritten, accountIdField);
        plan.Upsert("caseAccount", caseMap.Object, caseMap.ExternalId, dispute.Id, new JsonObject { [BillingLookup.IdField(caseMap.AccountRelationship)] = accountId });
        if (closed && dispute.IsLost)
        {
            var entry = new PaymentEntry(dispute.Id, options.Payment.TypeDispute, -dispute.Amount, dispute.Currency, dispute.Status,
                context.Created, dispute.ChargeId, null, dispute.CardBrand, null);
            _entries.UpsertForAccountId(plan, "dispute", entry, context.Created, accountId);
        }

        var health = BillingCustomerHealth.ForDispute(dispute.Status, options.Account);
        if (health is not null)
        {
            // By Id, not external id: the Account is known here only through the charge entry. The
            // health event time still travels with the value, so the stale guard applies as usual.
            var fields = new BillingAccountFields(options.Account).Health(health).Groups(context.Created).Single().Fields;
            plan.Update("account", options.Account.Object, accountId, fields);
            if (health == options.Account.HealthHealthy)
            {
                // A won dispute leaves a past-due Account At Risk (see PastDueHealth).
                new PastDueHealth(options).AtRiskWhilePastDue(plan, HealthAccount.ThroughPayment(options.Payment, dispute.ChargeId), "accountPastDue");
            }
        }

        // Not all-or-none: the Case must stay written when the charge lookup fails, and every write
        // is an idempotent upsert, so retrying the whole event after a partial failure is safe.
        return plan.Build(allOrNone: false);
    }
}
