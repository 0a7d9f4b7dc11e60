using System.Text.Json.Nodes;
using Stripe;

namespace StripeSf.Core.Backfill;

/// <summary>
/// How one Stripe object type is listed and which webhook event its current state stands for: the
/// object is planned by that event's flow (the flow table's row), exactly as a webhook would be.
/// </summary>
public static class BackfillSource
{
    /// <summary>The list options of <paramref name="objectType"/>: every status of subscriptions, refunds and disputes with their charge (the customer is on it).</summary>
    public static ListOptions ListOptions(string objectType, int limit, string? after, DateTimeOffset? since)
    {
        var options = new ListOptions { Limit = limit, StartingAfter = after };
        if (since is { } s)
        {
            options.AddExtraParam("created[gte]", s.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        switch (objectType)
        {
            case BackfillObjects.Subscriptions:
                // The default lists only live subscriptions; a canceled one is churn the Account must show.
                options.AddExtraParam("status", "all");
                break;
            case BackfillObjects.Refunds or BackfillObjects.Disputes:
                options.AddExpand("data.charge");
                break;
        }

        return options;
    }

    /// <summary>
    /// The event <paramref name="stripeObject"/> stands for and the object it carries, or the reason it
    /// has none: a canceled subscription is <c>customer.subscription.deleted</c>, another one
    /// <c>customer.subscription.created</c> (its Opportunity and, by metadata, Contract); a paid invoice
    /// <c>invoice.paid</c>, an attempted unpaid one <c>invoice.payment_failed</c>, another finalized one
    /// <c>invoice.finalized</c>, a draft none; a failed charge <c>charge.failed</c>, another
    /// <c>charge.succeeded</c>; a refund the <c>charge.refunded</c> of its charge; a closed dispute
    /// <c>charge.dispute.closed</c>, another <c>charge.dispute.created</c>.
    /// </summary>
    public static (string? EventType, JsonObject? EventObject, string? Skipped) EventFor(string objectType, JsonObject stripeObject)
    {
        var status = Text(stripeObject, "status");
        switch (objectType)
        {
            case BackfillObjects.Customers:
                return ("customer.updated", stripeObject, null);
            case BackfillObjects.Subscriptions:
                return (status is "canceled" or "incomplete_expired" ? "customer.subscription.deleted" : "customer.subscription.created", stripeObject, null);
            case BackfillObjects.Invoices:
                return status switch
                {
                    "draft" => (null, null, "a draft invoice (no webhook writes drafts)"),
                    "paid" => ("invoice.paid", stripeObject, null),
                    "open" or "uncollectible" when (stripeObject["attempt_count"]?.GetValue<long>() ?? 0) > 0 => ("invoice.payment_failed", stripeObject, null),
                    _ => ("invoice.finalized", stripeObject, null),
                };
            case BackfillObjects.Charges:
                return (status == "failed" ? "charge.failed" : "charge.succeeded", stripeObject, null);
            case BackfillObjects.Refunds:
                return stripeObject["charge"] is JsonObject charge ? ("charge.refunded", charge, null) : (null, null, "a refund without its charge");
            case BackfillObjects.Disputes:
                return (status is "won" or "lost" or "warning_closed" ? "charge.dispute.closed" : "charge.dispute.created", stripeObject, null);
            default:
                throw new ArgumentException($"{objectType} is not a Stripe object type the backfill reads ({string.Join(", ", BackfillObjects.All)})", nameof(objectType));
        }
    }

    /// <summary>The Stripe customer the object belongs to (on the charge for refunds and disputes), when it names one.</summary>
    public static string? CustomerOf(string objectType, JsonObject stripeObject) => objectType switch
    {
        BackfillObjects.Customers => Text(stripeObject, "id"),
        BackfillObjects.Refunds or BackfillObjects.Disputes => stripeObject["charge"] is JsonObject charge ? IdOf(charge["customer"]) : null,
        _ => IdOf(stripeObject["customer"]),
    };

    /// <summary>
    /// The time the object's state is as of, which decides which object of a customer writes the
    /// Account's roll-ups: the latest of its creation and its status changes (a subscription canceled
    /// after a newer one started states the newer churn).
    /// </summary>
    public static long AsOf(JsonObject stripeObject)
    {
        var times = new[]
        {
            Unix(stripeObject["created"]), Unix(stripeObject["canceled_at"]), Unix(stripeObject["ended_at"]),
            Unix(stripeObject["status_transitions"]?["finalized_at"]), Unix(stripeObject["status_transitions"]?["paid_at"]),
            Unix(stripeObject["status_transitions"]?["voided_at"]), Unix(stripeObject["status_transitions"]?["marked_uncollectible_at"]),
        };
        return times.Max();
    }

    private static long Unix(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var seconds) ? seconds : 0;

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? IdOf(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o => Text(o, "id"),
        _ => null,
    };
}
