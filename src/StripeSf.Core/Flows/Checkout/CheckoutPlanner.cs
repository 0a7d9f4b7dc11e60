using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Checkout;

/// <summary>
/// checkout.session.completed in subscription mode whose metadata (the session's, or an expanded
/// subscription's or customer's) names an Opportunity → that Opportunity tied to the subscription (and
/// Closed Won when the session was paid), plus a Contract on the customer's Account. Anything else has
/// nothing to write: payment-mode sessions are payments (charge events carry them), and a subscription's
/// own Opportunity and MRR come from customer.subscription.created, which has the subscription object.
/// </summary>
internal sealed class CheckoutPlanner(SalesforceMappingOptions mapping, DealCloser deals)
{
    private readonly SalesforceMappingOptions _mapping = mapping;
    private readonly DealCloser _deals = deals;

    /// <summary>The plan of a checkout.session.completed event.</summary>
    public WritePlan Plan(StripeEventContext context)
    {
        if (!_mapping.Flows.DealClosing)
        {
            return WritePlan.Empty;
        }

        var session = context.Facts.CheckoutSession();
        if (session.Mode != "subscription")
        {
            return WritePlan.Empty;
        }

        var sessionId = session.Id;
        var opportunityId = OpportunityIdMetadata.Find(_mapping.OpportunityIdMetadataKey, $"checkout session {sessionId}",
            session.Metadata, session.SubscriptionMetadata, session.CustomerMetadata);
        if (opportunityId is null)
        {
            return WritePlan.Empty;
        }

        var subscriptionId = session.SubscriptionId;
        var customerId = session.CustomerId;
        if (subscriptionId is null || customerId is null)
        {
            throw new UnmappableEventException(
                $"checkout session {sessionId} names Opportunity {opportunityId} but has no {(subscriptionId is null ? "subscription" : "customer")} to close it with");
        }

        var plan = new CompositePlanBuilder();
        _deals.EnsureAccount(plan, customerId, session.CustomerDetailsName ?? session.CustomerDetailsEmail);

        // The session knows neither the term nor the plan (line items are not in the webhook payload):
        // customer.subscription.created fills them when the subscription carries the same metadata.
        _deals.UpsertContract(plan, context, subscriptionId, customerId, context.Created, termMonths: null, planName: null, eventAt: DealCloser.CheckoutEventAt);
        _deals.CloseOpportunity(plan, opportunityId, subscriptionId, Closing(session, context));
        return plan.Build();
    }

    /// <remarks>
    /// No Amount: <c>amount_total</c> is the first invoice (tax, one-off items, first-invoice discounts),
    /// not the contract value; the subscription events set Amount/MRR/ARR on this Opportunity once it
    /// carries the subscription id. No <c>Stripe_Last_Event_At__c</c> either: stamping the later checkout
    /// time would make the earlier customer.subscription.created, which brings the amounts, look stale.
    /// The stage is written only when the session was paid; a trial or other no-payment session leaves
    /// the stage to the subscription events, which know the subscription's status.
    /// </remarks>
    private JsonObject Closing(CheckoutSessionFacts session, StripeEventContext context)
    {
        var opportunity = _mapping.Opportunity;
        var fields = new JsonObject();
        if (session.PaymentStatus == "paid")
        {
            fields[opportunity.StageName] = opportunity.StageClosedWon;
            fields[opportunity.CloseDate] = SalesforceValues.Date(context.Created);
        }

        return fields;
    }
}
