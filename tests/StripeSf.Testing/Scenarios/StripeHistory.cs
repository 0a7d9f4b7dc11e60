using System.Globalization;
using System.Text.Json.Nodes;
using StripeSf.Testing.Stripe;

namespace StripeSf.Testing.Scenarios;

/// <summary>
/// Synthetic Stripe history for backfill tests and benchmarks, in the current API shape: a customer
/// with a monthly subscription, three paid invoices and their three charges a month apart, a full
/// refund of the first charge for every 4th customer (day 40) and an open dispute of the second for
/// every 10th (day 70).
/// </summary>
public static class StripeHistory
{
    /// <summary>A refund of <paramref name="charge"/>.</summary>
    public static JsonObject Refund(string id, string charge, long amount, long created) => new()
    {
        ["id"] = id, ["object"] = "refund", ["amount"] = amount, ["charge"] = charge, ["currency"] = "usd", ["created"] = created,
        ["status"] = "succeeded", ["reason"] = "requested_by_customer", ["metadata"] = new JsonObject(), ["payment_intent"] = null,
    };

    /// <summary>A card dispute of <paramref name="charge"/> in <paramref name="status"/>.</summary>
    public static JsonObject Dispute(string id, string charge, long amount, string status, long created) => new()
    {
        ["id"] = id, ["object"] = "dispute", ["amount"] = amount, ["charge"] = charge, ["currency"] = "usd", ["created"] = created,
        ["status"] = status, ["reason"] = "fraudulent", ["livemode"] = false, ["metadata"] = new JsonObject(), ["payment_intent"] = null,
        ["is_charge_refundable"] = false,
        ["evidence_details"] = new JsonObject { ["due_by"] = created + (8 * 86400), ["has_evidence"] = false, ["past_due"] = false, ["submission_count"] = 0 },
        ["payment_method_details"] = new JsonObject { ["type"] = "card", ["card"] = new JsonObject { ["brand"] = "visa", ["network_reason_code"] = "10.4" } },
    };

    /// <summary>
    /// Registers customer <c>cus_{prefix}{n}</c> (created at <paramref name="created"/>) and its history
    /// with <paramref name="stripe"/>; returns the number of Stripe objects added. Invoice k is created
    /// k months (30 days) after the customer and paid 10 s later by charge k (<see cref="PaidAt"/>), so
    /// the newest are the third.
    /// </summary>
    /// <summary>When invoice <paramref name="k"/> of a customer created at <paramref name="created"/> is paid (its charge's creation).</summary>
    public static long PaidAt(long created, int k) => created + (k * Month) + 10;

    private const long Month = 30 * 86_400;

    public static int AddCustomer(LoopbackStripe stripe, string prefix, int index, long created)
    {
        var n = index.ToString("000000", CultureInfo.InvariantCulture);
        var customer = $"cus_{prefix}{n}";
        stripe.Add("customers", StripeObjects.Customer(customer, $"{prefix} Co {n}", $"billing{n}@{prefix}.example.com", created));
        var subscription = $"sub_{prefix}{n}";
        stripe.Add("subscriptions", StripeObjects.Subscription(subscription, customer, "active", 2000, 1, created + 100, created + 100));
        var added = 2;
        for (var k = 1; k <= 3; k++)
        {
            var at = created + (k * Month);
            stripe.Add("invoices", StripeObjects.Invoice($"in_{prefix}{n}_{k}", customer, subscription, "paid", 2000, 2000, 1, at, at + 10, at));
            var refunded = k == 1 && index % 4 == 0 ? 2000 : 0;
            stripe.Add("charges", StripeObjects.Charge($"ch_{prefix}{n}_{k}", customer, 2000, refunded, "succeeded", PaidAt(created, k)));
            added += 2;
        }

        if (index % 4 == 0)
        {
            stripe.Add("refunds", Refund($"re_{prefix}{n}", $"ch_{prefix}{n}_1", 2000, created + (40 * 86_400)));
            added++;
        }

        if (index % 10 == 0)
        {
            stripe.Add("disputes", Dispute($"dp_{prefix}{n}", $"ch_{prefix}{n}_2", 2000, "needs_response", created + (70 * 86_400)));
            added++;
        }

        return added;
    }
}
