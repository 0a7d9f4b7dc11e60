using System.Text.Json.Nodes;

namespace StripeSf.Testing.Scenarios;

/// <summary>Stripe objects in the current API shape (2026-10-28.endive), built in code for scenario tests.</summary>
public static class StripeObjects
{
    /// <summary>A customer.</summary>
    public static JsonObject Customer(string id, string name, string email, long created) => new()
    {
        ["id"] = id, ["object"] = "customer", ["name"] = name, ["email"] = email, ["phone"] = "+1 415 555 0100",
        ["created"] = created, ["currency"] = "usd", ["delinquent"] = false, ["livemode"] = false,
        ["metadata"] = new JsonObject(), ["description"] = null,
    };

    /// <summary>A licensed monthly subscription with one item.</summary>
    public static JsonObject Subscription(string id, string customer, string status, long unitAmount, int quantity, long periodStart, long created) => new()
    {
        ["id"] = id, ["object"] = "subscription", ["customer"] = customer, ["status"] = status, ["currency"] = "usd",
        ["created"] = created, ["start_date"] = created, ["cancel_at_period_end"] = false, ["cancel_at"] = null, ["canceled_at"] = null,
        ["ended_at"] = null, ["trial_start"] = null, ["trial_end"] = null, ["livemode"] = false, ["metadata"] = new JsonObject(),
        ["discounts"] = new JsonArray(), ["collection_method"] = "charge_automatically",
        ["cancellation_details"] = new JsonObject { ["reason"] = null, ["comment"] = null, ["feedback"] = null },
        ["items"] = new JsonObject
        {
            ["object"] = "list", ["has_more"] = false, ["url"] = $"/v1/subscription_items?subscription={id}",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = $"si_{id[4..]}", ["object"] = "subscription_item", ["quantity"] = quantity, ["subscription"] = id, ["created"] = created,
                ["current_period_start"] = periodStart, ["current_period_end"] = periodStart + (30 * 86400), ["discounts"] = new JsonArray(),
                ["metadata"] = new JsonObject(),
                ["price"] = new JsonObject
                {
                    ["id"] = "price_chaos_pro", ["object"] = "price", ["active"] = true, ["currency"] = "usd", ["nickname"] = "Pro",
                    ["product"] = "prod_chaos_pro", ["type"] = "recurring", ["billing_scheme"] = "per_unit", ["unit_amount"] = unitAmount,
                    ["unit_amount_decimal"] = unitAmount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["livemode"] = false,
                    ["recurring"] = new JsonObject { ["interval"] = "month", ["interval_count"] = 1, ["usage_type"] = "licensed", ["meter"] = null },
                    ["tax_behavior"] = "exclusive", ["tiers_mode"] = null, ["transform_quantity"] = null, ["metadata"] = new JsonObject(), ["created"] = created,
                },
            }),
        },
    };

    /// <summary>A subscription invoice.</summary>
    public static JsonObject Invoice(string id, string customer, string subscription, string status, long amountDue, long amountPaid, int attemptCount, long periodStart, long? paidAt, long created) => new()
    {
        ["id"] = id, ["object"] = "invoice", ["customer"] = customer, ["status"] = status, ["number"] = $"CHAOS-{id[3..]}",
        ["amount_due"] = amountDue, ["amount_paid"] = amountPaid, ["amount_remaining"] = amountDue - amountPaid, ["currency"] = "usd",
        ["period_start"] = periodStart, ["period_end"] = periodStart + (30 * 86400), ["attempt_count"] = attemptCount, ["attempted"] = attemptCount > 0,
        ["next_payment_attempt"] = status == "paid" ? null : created + 3 * 86400, ["billing_reason"] = "subscription_cycle",
        ["hosted_invoice_url"] = $"https://invoice.stripe.com/i/acct_chaos/test_{id}", ["created"] = created, ["livemode"] = false,
        ["collection_method"] = "charge_automatically", ["metadata"] = new JsonObject(),
        ["status_transitions"] = new JsonObject { ["finalized_at"] = periodStart, ["paid_at"] = paidAt, ["voided_at"] = null, ["marked_uncollectible_at"] = null },
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details", ["quote_details"] = null,
            ["subscription_details"] = new JsonObject { ["subscription"] = subscription, ["metadata"] = new JsonObject() },
        },
    };

    /// <summary>A card charge.</summary>
    public static JsonObject Charge(string id, string customer, long amount, long amountRefunded, string status, long created) => new()
    {
        ["id"] = id, ["object"] = "charge", ["customer"] = customer, ["amount"] = amount, ["amount_captured"] = amount,
        ["amount_refunded"] = amountRefunded, ["refunded"] = amountRefunded == amount, ["currency"] = "usd", ["status"] = status,
        ["paid"] = status == "succeeded", ["captured"] = true, ["created"] = created, ["livemode"] = false, ["payment_intent"] = $"pi_{id[3..]}",
        ["description"] = "Subscription update", ["metadata"] = new JsonObject(), ["failure_code"] = null, ["failure_message"] = null,
        ["billing_details"] = new JsonObject { ["name"] = null, ["email"] = null, ["phone"] = null, ["address"] = null },
        ["payment_method_details"] = new JsonObject
        {
            ["type"] = "card",
            ["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = "4242", ["exp_month"] = 12, ["exp_year"] = 2030, ["funding"] = "credit", ["country"] = "US", ["fingerprint"] = "Xt5EWLLDS7FJjR1c" },
        },
    };
}
