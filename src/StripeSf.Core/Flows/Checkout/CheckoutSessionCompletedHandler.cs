using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;
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
public sealed class CheckoutSessionCompletedHandler(IOptions<SalesforceMappingOptions> options) : IEventHandler
{
    private readonly SalesforceMappingOptions _mapping = options.Value;
    private readonly DealCloser _deals = new(options.Value, new AccountWriter(options));

    /// <inheritdoc />
    public bool CountsAsDone(CompositeSubrequestFailure failure) => DealCloser.IsNothingSuperseded(failure);

    /// <inheritdoc />
    public string EventType => "checkout.session.completed";

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context)
    {
        var session = context.DataObject;
        if (!_mapping.Flows.DealClosing || JsonFields.String(session, "mode") != "subscription")
        {
            return CompositeRequest.Empty;
        }

        var sessionId = JsonFields.String(session, "id") ?? "checkout session";
        var opportunityId = OpportunityIdMetadata.Find(_mapping.OpportunityIdMetadataKey, $"checkout session {sessionId}",
            JsonFields.Metadata(session), ExpandedMetadata(session, "subscription"), ExpandedMetadata(session, "customer"));
        if (opportunityId is null)
        {
            return CompositeRequest.Empty;
        }

        var subscriptionId = JsonFields.Id(session, "subscription");
        var customerId = JsonFields.Id(session, "customer");
        if (subscriptionId is null || customerId is null)
        {
            throw new UnmappableEventException(
                $"checkout session {sessionId} names Opportunity {opportunityId} but has no {(subscriptionId is null ? "subscription" : "customer")} to close it with");
        }

        var plan = new CompositePlanBuilder();
        _deals.EnsureAccount(plan, context, customerId, CustomerName(session));

        // The session knows neither the term nor the plan (line items are not in the webhook payload):
        // customer.subscription.created fills them when the subscription carries the same metadata.
        _deals.UpsertContract(plan, context, subscriptionId, customerId, context.Created, termMonths: null, planName: null, eventAt: DealCloser.CheckoutEventAt);
        return plan.Build().Append([.. _deals.CloseOpportunity(opportunityId, subscriptionId, Closing(session, context))]);
    }

    /// <remarks>
    /// No Amount: <c>amount_total</c> is the first invoice (tax, one-off items, first-invoice discounts),
    /// not the contract value; the subscription events set Amount/MRR/ARR on this Opportunity once it
    /// carries the subscription id. No <c>Stripe_Last_Event_At__c</c> either: stamping the later checkout
    /// time would make the earlier customer.subscription.created, which brings the amounts, look stale.
    /// The stage is written only when the session was paid; a trial or other no-payment session leaves
    /// the stage to the subscription events, which know the subscription's status.
    /// </remarks>
    private JsonObject Closing(JsonElement session, StripeEventContext context)
    {
        var opportunity = _mapping.Opportunity;
        var fields = new JsonObject();
        if (JsonFields.String(session, "payment_status") == "paid")
        {
            fields[opportunity.StageName] = opportunity.StageClosedWon;
            fields[opportunity.CloseDate] = SalesforceValues.Date(context.Created);
        }

        return fields;
    }

    private static IReadOnlyDictionary<string, string> ExpandedMetadata(JsonElement session, string field) =>
        JsonFields.Property(session, field) is { ValueKind: JsonValueKind.Object } expanded
            ? JsonFields.Metadata(expanded)
            : new Dictionary<string, string>();

    private static string? CustomerName(JsonElement session) =>
        JsonFields.Property(session, "customer_details") is { } details
            ? JsonFields.String(details, "name") ?? JsonFields.String(details, "email")
            : null;
}
