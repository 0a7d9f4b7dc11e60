using System.Text.Json;
using System.Text.Json.Nodes;
using StripeSf.Core.Processing;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Notifications;

/// <summary>Stripe events a person is told about, built on the shared scenario objects.</summary>
internal static class NotificationEvents
{
    /// <summary>2025-11-13 02:13:20 UTC.</summary>
    public const long Created = 1_763_000_000;

    /// <summary>An invoice.payment_failed of 49.99 USD for Acme Corp, retried three days later.</summary>
    public static JsonObject PaymentFailed(string eventId = "evt_NotifyFail", bool livemode = false, long amountDue = 4999, string currency = "usd")
    {
        var invoice = StripeObjects.Invoice("in_NotifyFail", "cus_Notify", "sub_Notify", "open", amountDue, 0, 2, Created - 86400, null, Created);
        invoice["customer_name"] = "Acme Corp";
        invoice["currency"] = currency;
        invoice["livemode"] = livemode;
        return TestEvents.Envelope("invoice.payment_failed", eventId, invoice, livemode, Created);
    }

    /// <summary>A charge.dispute.created of 120.00 USD with card details on the charge (which must never be shown).</summary>
    public static JsonObject DisputeCreated(bool livemode = false) => TestEvents.Envelope("charge.dispute.created", "evt_NotifyDispute", new JsonObject
    {
        ["id"] = "du_Notify", ["object"] = "dispute", ["amount"] = 12000, ["currency"] = "usd", ["charge"] = "ch_Notify",
        ["payment_intent"] = "pi_Notify", ["reason"] = "fraudulent", ["status"] = "needs_response", ["created"] = Created, ["livemode"] = livemode,
        ["evidence_details"] = new JsonObject { ["due_by"] = Created + (7 * 86400), ["has_evidence"] = false, ["past_due"] = false, ["submission_count"] = 0 },
        ["payment_method_details"] = new JsonObject { ["type"] = "card", ["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = "4242", ["network_reason_code"] = "10.4" } },
        ["metadata"] = new JsonObject(),
    }, livemode, Created);

    /// <summary>A customer.subscription.deleted of 3 × 50.00 USD a month.</summary>
    public static JsonObject SubscriptionDeleted()
    {
        var subscription = StripeObjects.Subscription("sub_NotifyGone", "cus_Notify", "canceled", 5000, 3, Created - (10 * 86400), Created - (400 * 86400));
        subscription["canceled_at"] = Created;
        subscription["ended_at"] = Created;
        subscription["cancellation_details"] = new JsonObject { ["reason"] = "cancellation_requested", ["comment"] = "Too expensive", ["feedback"] = "too_expensive" };
        return TestEvents.Envelope("customer.subscription.deleted", "evt_NotifyGone", subscription, created: Created);
    }

    /// <summary>A customer.subscription.updated from 1 to <paramref name="quantity"/> seats at 200.00 USD.</summary>
    public static JsonObject QuantityIncrease(int quantity)
    {
        var subscription = StripeObjects.Subscription("sub_NotifyUp", "cus_Notify", "active", 20000, quantity, Created - (10 * 86400), Created - (400 * 86400));
        var envelope = TestEvents.Envelope("customer.subscription.updated", "evt_NotifyUp", subscription, created: Created);
        var previousItems = subscription["items"]!.DeepClone();
        previousItems["data"]![0]!["quantity"] = 1;
        envelope["data"]!["previous_attributes"] = new JsonObject { ["items"] = previousItems };
        return envelope;
    }

    /// <summary>The event as the processor's context.</summary>
    public static StripeEventContext Context(JsonObject envelope) => new(JsonSerializer.SerializeToElement(envelope), 1);
}
